cx --db a.db init --framework "$DATA/asem/ASEM_iMeta.csv" | sed "s|$DATA|DATA|"
sqlite3 a.db "SELECT type, count(*) FROM nodes GROUP BY type ORDER BY type"
sqlite3 a.db "SELECT code, level, parent FROM nodes WHERE type='aggregate' ORDER BY ord"
