-- a version-1 workspace written by cityidx 0.1.0 (commit 049e3c2):
-- the mini framework, cities-2016.csv and cities-2017.csv, then a long
-- file changing one value and a wide file removing one (tests/cli/import/mini.sh)
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO meta VALUES('framework_file','framework.csv');
INSERT INTO meta VALUES('framework_sha256','dac8bc38ba8bcda43aea3aa05ea061828d4157322298c74170eb91f2763bc768');
CREATE TABLE nodes (
  code        TEXT PRIMARY KEY,
  parent      TEXT REFERENCES nodes(code) DEFERRABLE INITIALLY DEFERRED,
  type        TEXT NOT NULL CHECK (type IN
                ('indicator','aggregate','denominator','group')),
  level       INTEGER NOT NULL,
  name_zh     TEXT,
  name_en     TEXT,
  direction   INTEGER NOT NULL DEFAULT 1 CHECK (direction IN (1,-1)),
  weight      REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
  unit        TEXT,
  denominator TEXT REFERENCES nodes(code) DEFERRABLE INITIALLY DEFERRED,
  target      REAL,
  goal_lo     REAL,
  goal_hi     REAL,
  treat       TEXT,
  ord         INTEGER NOT NULL UNIQUE
);
INSERT INTO nodes VALUES('INDEX',NULL,'aggregate',3,'双创指数','Innovation index',1,1.0,NULL,NULL,NULL,NULL,NULL,NULL,0);
INSERT INTO nodes VALUES('TALENT','INDEX','aggregate',2,'人才','Talent',1,1.0,NULL,NULL,NULL,NULL,NULL,NULL,1);
INSERT INTO nodes VALUES('MARKET','INDEX','aggregate',2,'市场','Market',1,1.0,NULL,NULL,NULL,NULL,NULL,NULL,2);
INSERT INTO nodes VALUES('GRADS','TALENT','indicator',1,'高校毕业生','Graduates',1,1.0,'per 10k people',NULL,NULL,NULL,NULL,NULL,3);
INSERT INTO nodes VALUES('RD','TALENT','indicator',1,'研发人员','R&D staff',1,1.0,'per 10k people',NULL,NULL,NULL,NULL,NULL,4);
INSERT INTO nodes VALUES('FIRMS','MARKET','indicator',1,'新增企业','New firms',1,2.0,'per 10k people',NULL,NULL,NULL,NULL,NULL,5);
INSERT INTO nodes VALUES('SO2','MARKET','indicator',1,'二氧化硫排放','SO2 emissions',-1,1.0,'t per 100m CNY GDP',NULL,NULL,NULL,NULL,NULL,6);
INSERT INTO nodes VALUES('POP',NULL,'denominator',0,'人口','Population',1,1.0,'10k people',NULL,NULL,NULL,NULL,NULL,7);
CREATE TABLE units (
  code    TEXT PRIMARY KEY,
  name    TEXT,
  name_en TEXT
);
INSERT INTO units VALUES('110100','北京市','Beijing');
INSERT INTO units VALUES('310100','上海市','Shanghai');
INSERT INTO units VALUES('440300','深圳市','Shenzhen');
INSERT INTO units VALUES('330100','杭州市','Hangzhou');
INSERT INTO units VALUES('130200','唐山市','Tangshan');
INSERT INTO units VALUES('330300','温州市','Wenzhou');
INSERT INTO units VALUES('510100','成都市','Chengdu');
INSERT INTO units VALUES('420100','武汉市','Wuhan');
CREATE TABLE unit_attrs (
  unit  TEXT NOT NULL REFERENCES units(code) ON DELETE CASCADE,
  key   TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (unit, key)
) WITHOUT ROWID;
INSERT INTO unit_attrs VALUES('110100','province','北京市');
INSERT INTO unit_attrs VALUES('130200','province','河北省');
INSERT INTO unit_attrs VALUES('310100','province','上海市');
INSERT INTO unit_attrs VALUES('330100','province','浙江省');
INSERT INTO unit_attrs VALUES('330300','province','浙江省');
INSERT INTO unit_attrs VALUES('420100','province','湖北省');
INSERT INTO unit_attrs VALUES('440300','province','广东省');
INSERT INTO unit_attrs VALUES('510100','province','四川省');
CREATE TABLE imports (
  id               INTEGER PRIMARY KEY,
  file             TEXT NOT NULL,
  sha256           TEXT NOT NULL,
  time             TEXT NOT NULL,
  layout           TEXT NOT NULL,
  encoding         TEXT NOT NULL,
  rows             INTEGER NOT NULL,
  values_new       INTEGER NOT NULL,
  values_changed   INTEGER NOT NULL,
  values_removed   INTEGER NOT NULL,
  values_unchanged INTEGER NOT NULL,
  units_new        INTEGER NOT NULL,
  units_changed    INTEGER NOT NULL
);
INSERT INTO imports VALUES(1,'cities-2016.csv','11f9358a05c64d4b3b4df64daa3d1651873b22a7363ef75034bdc11dc21f6e2e','2026-01-01T00:00:00Z','wide','UTF-8',8,40,0,0,0,8,0);
INSERT INTO imports VALUES(2,'cities-2017.csv','f9394c2341795fedf131b024d4b0501eefd5ab94da805093452436e73bea3b27','2026-01-01T00:00:00Z','wide','UTF-8',8,39,0,0,0,0,0);
INSERT INTO imports VALUES(3,'long.csv','120fe1fbcb430003337066842190752ec3ab731f97c355ee1769d374c175b949','2026-01-01T00:00:00Z','long','UTF-8',3,0,1,0,2,0,0);
INSERT INTO imports VALUES(4,'fix.csv','dab86988574e6179ee22c0a184afde2a8721222a25fc212ff6c1e83a6adbe040','2026-01-01T00:00:00Z','wide','UTF-8',8,0,1,1,37,0,0);
CREATE TABLE observations (
  unit      TEXT NOT NULL REFERENCES units(code),
  indicator TEXT NOT NULL REFERENCES nodes(code)
              DEFERRABLE INITIALLY DEFERRED,
  year      INTEGER NOT NULL,
  value     REAL NOT NULL,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  PRIMARY KEY (year, unit, indicator)
) WITHOUT ROWID;
INSERT INTO observations VALUES('110100','FIRMS',2016,70.0,1);
INSERT INTO observations VALUES('110100','GRADS',2016,90.0,1);
INSERT INTO observations VALUES('110100','POP',2016,2173.0,1);
INSERT INTO observations VALUES('110100','RD',2016,80.0,1);
INSERT INTO observations VALUES('110100','SO2',2016,2.0,1);
INSERT INTO observations VALUES('130200','FIRMS',2016,20.0,1);
INSERT INTO observations VALUES('130200','GRADS',2016,10.0,1);
INSERT INTO observations VALUES('130200','POP',2016,789.0,1);
INSERT INTO observations VALUES('130200','RD',2016,15.0,1);
INSERT INTO observations VALUES('130200','SO2',2016,30.0,1);
INSERT INTO observations VALUES('310100','FIRMS',2016,72.0,1);
INSERT INTO observations VALUES('310100','GRADS',2016,85.0,1);
INSERT INTO observations VALUES('310100','POP',2016,2420.0,1);
INSERT INTO observations VALUES('310100','RD',2016,75.0,1);
INSERT INTO observations VALUES('310100','SO2',2016,3.0,1);
INSERT INTO observations VALUES('330100','FIRMS',2016,65.0,1);
INSERT INTO observations VALUES('330100','GRADS',2016,60.0,1);
INSERT INTO observations VALUES('330100','POP',2016,919.0,1);
INSERT INTO observations VALUES('330100','RD',2016,60.0,1);
INSERT INTO observations VALUES('330100','SO2',2016,4.0,1);
INSERT INTO observations VALUES('330300','FIRMS',2016,25.0,1);
INSERT INTO observations VALUES('330300','GRADS',2016,20.0,1);
INSERT INTO observations VALUES('330300','POP',2016,917.0,1);
INSERT INTO observations VALUES('330300','RD',2016,18.0,1);
INSERT INTO observations VALUES('330300','SO2',2016,12.0,1);
INSERT INTO observations VALUES('420100','FIRMS',2016,50.0,1);
INSERT INTO observations VALUES('420100','GRADS',2016,75.0,1);
INSERT INTO observations VALUES('420100','POP',2016,1077.0,1);
INSERT INTO observations VALUES('420100','RD',2016,55.0,1);
INSERT INTO observations VALUES('420100','SO2',2016,8.0,1);
INSERT INTO observations VALUES('440300','FIRMS',2016,90.0,1);
INSERT INTO observations VALUES('440300','GRADS',2016,40.0,1);
INSERT INTO observations VALUES('440300','POP',2016,1191.0,1);
INSERT INTO observations VALUES('440300','RD',2016,95.0,1);
INSERT INTO observations VALUES('440300','SO2',2016,1.0,1);
INSERT INTO observations VALUES('510100','FIRMS',2016,55.0,1);
INSERT INTO observations VALUES('510100','GRADS',2016,70.0,1);
INSERT INTO observations VALUES('510100','POP',2016,1592.0,1);
INSERT INTO observations VALUES('510100','RD',2016,50.0,1);
INSERT INTO observations VALUES('510100','SO2',2016,6.0,1);
INSERT INTO observations VALUES('110100','FIRMS',2017,71.0,2);
INSERT INTO observations VALUES('110100','POP',2017,2171.0,2);
INSERT INTO observations VALUES('110100','RD',2017,82.0,2);
INSERT INTO observations VALUES('110100','SO2',2017,2.0,2);
INSERT INTO observations VALUES('130200','FIRMS',2017,80.0,2);
INSERT INTO observations VALUES('130200','GRADS',2017,80.0,2);
INSERT INTO observations VALUES('130200','POP',2017,793.0,2);
INSERT INTO observations VALUES('130200','RD',2017,85.0,2);
INSERT INTO observations VALUES('130200','SO2',2017,3.0,2);
INSERT INTO observations VALUES('310100','FIRMS',2017,73.0,2);
INSERT INTO observations VALUES('310100','GRADS',2017,86.0,2);
INSERT INTO observations VALUES('310100','POP',2017,2418.0,2);
INSERT INTO observations VALUES('310100','RD',2017,77.0,2);
INSERT INTO observations VALUES('310100','SO2',2017,3.0,2);
INSERT INTO observations VALUES('330100','FIRMS',2017,70.0,2);
INSERT INTO observations VALUES('330100','GRADS',2017,62.0,2);
INSERT INTO observations VALUES('330100','POP',2017,947.0,2);
INSERT INTO observations VALUES('330100','RD',2017,63.0,2);
INSERT INTO observations VALUES('330100','SO2',2017,4.0,2);
INSERT INTO observations VALUES('330300','GRADS',2017,22.0,2);
INSERT INTO observations VALUES('330300','POP',2017,921.0,2);
INSERT INTO observations VALUES('330300','RD',2017,19.0,2);
INSERT INTO observations VALUES('330300','SO2',2017,11.0,2);
INSERT INTO observations VALUES('420100','FIRMS',2017,52.0,2);
INSERT INTO observations VALUES('420100','GRADS',2017,74.0,2);
INSERT INTO observations VALUES('420100','POP',2017,1089.0,2);
INSERT INTO observations VALUES('420100','RD',2017,56.0,2);
INSERT INTO observations VALUES('420100','SO2',2017,8.0,2);
INSERT INTO observations VALUES('440300','FIRMS',2017,92.0,2);
INSERT INTO observations VALUES('440300','GRADS',2017,42.0,2);
INSERT INTO observations VALUES('440300','POP',2017,1253.0,2);
INSERT INTO observations VALUES('440300','RD',2017,96.0,4);
INSERT INTO observations VALUES('440300','SO2',2017,1.0,2);
INSERT INTO observations VALUES('510100','FIRMS',2017,56.0,2);
INSERT INTO observations VALUES('510100','GRADS',2017,71.0,2);
INSERT INTO observations VALUES('510100','POP',2017,1605.0,2);
INSERT INTO observations VALUES('510100','RD',2017,52.0,2);
INSERT INTO observations VALUES('510100','SO2',2017,6.0,2);
CREATE INDEX observations_indicator ON observations(indicator);
COMMIT;
PRAGMA user_version = 1;
