/*
 * header: the CSV inputs read columns by name (weights, AHP, framework
 * and data files), and a header that has one of those names twice is
 * refused at the second cell: which of the two is meant cannot be told.
 * Aliases of one column (code and iCode) are no duplicate: the first
 * name in the documented order is read, as before.
 */
#include <stdio.h>
#include <string.h>

#include "core/mem.h"
#include "core/model.h"
#include "core/wspec.h"
#include "io/ahpfile.h"
#include "io/csv.h"
#include "io/framework.h"
#include "io/import.h"
#include "io/weightsfile.h"
#include "fixture.h"
#include "runner.h"

/* INDEX <- A, B (indicators) */
static struct cidx_framework *
tiny_fw(void)
{
	static const struct fx_node d[] = {
		{ "INDEX", NULL, AGG, 2, 1, 1 },
		{ "A", "INDEX", IND, 1, 1, 1 },
		{ "B", "INDEX", IND, 1, 1, 1 },
	};
	struct cidx_framework *fw = NULL;
	struct cidx_err err = CIDX_ERR_INIT;

	if (fx_framework(&fw, d, 3, &err) < 0)
		runner_fail(__FILE__, __LINE__, "%s", err.msg);
	return fw;
}

enum kind { K_WEIGHTS, K_AHP, K_FRAMEWORK, K_IMPORT };

static int
read_as(enum kind k, const struct cidx_framework *fw, const char *path,
    struct cidx_err *err)
{
	struct cidx_wset ws = CIDX_WSET_INIT;
	struct cidx_ahp *ahp = NULL;
	struct cidx_framework *f = NULL;
	struct cidx_import *imp = NULL;
	int ret;

	switch (k) {
	case K_WEIGHTS:
		ret = cidx_weights_read_file(fw, path, &ws, err);
		cidx_wset_release(&ws);
		return ret;
	case K_AHP:
		ret = cidx_ahp_read(&ahp, fw, path, err);
		cidx_ahp_free(ahp);
		return ret;
	case K_FRAMEWORK:
		ret = cidx_framework_read(&f, path, NULL, err);
		cidx_framework_free(f);
		return ret;
	case K_IMPORT:
		ret = cidx_import_read(&imp, path, fw, NULL, err);
		cidx_import_free(imp);
		return ret;
	}
	return -1;
}

void
test_header__a_column_read_by_name_twice_is_refused(void)
{
	static const struct {
		enum kind k;
		const char *text;
		const char *where;   /* NULL: read */
	} cases[] = {
		/* the case: two code columns */
		{ K_WEIGHTS, "code,weight,code\nA,2,B\n", ":1:13: duplicate "
		    "column 'code' (the first is at 1:1)" },
		{ K_WEIGHTS, "Weight,code,WEIGHT\n2,A,3\n", ":1:13: duplicate "
		    "column 'WEIGHT' (the first is at 1:1)" },
		{ K_WEIGHTS, "code,weight,note,note\nA,2,x,y\n", NULL },
		{ K_WEIGHTS, "code,iCode,weight\nA,B,2\n", NULL },
		{ K_AHP, "parent,a,b,value,B\nINDEX,A,B,3,x\n", ":1:18: "
		    "duplicate column 'B' (the first is at 1:10)" },
		{ K_AHP, "parent,a,b,value\nINDEX,A,B,3\n", NULL },
		{ K_FRAMEWORK, "code,parent,type,code\nI,,aggregate,J\n",
		    ":1:18: duplicate column 'code' (the first is at 1:1)" },
		{ K_FRAMEWORK, "code,parent,type,level,Level\n"
		    "I,,aggregate,1,2\n", ":1:24: duplicate column 'Level'" },
		{ K_FRAMEWORK, "code,parent,type,name,name_zh\n"
		    "I,,aggregate,x,y\nJ,I,indicator,u,v\n", NULL },
		{ K_IMPORT, "code,year,A,Code\nC1,2017,1,C2\n", ":1:13: "
		    "duplicate column 'Code' (the first is at 1:1)" },
		{ K_IMPORT, "unit,indicator,year,value,value\nC1,A,2017,1,2\n",
		    ":1:27: duplicate column 'value' (the first is at 1:21)" },
		{ K_IMPORT, "code,boundary,name,boundary\nC1,,x,\n", ":1:20: "
		    "duplicate column 'boundary' (the first is at 1:6)" },
		{ K_IMPORT, "code,year,year,A\nC1,2017,2016,1\n", ":1:11: "
		    "duplicate column 'year' (the first is at 1:6)" },
		{ K_IMPORT, "code,year,name,uName,A\nC1,2017,x,y,1\n", NULL },
	};
	struct cidx_framework *fw = tiny_fw();
	char p[128];

	if (fw == NULL || tmp_begin() < 0) {
		cidx_framework_free(fw);
		return;
	}
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cidx_err err = CIDX_ERR_INIT;
		int ret;

		put(p, sizeof(p), "h.csv", cases[i].text);
		ret = read_as(cases[i].k, fw, p, &err);
		if (cases[i].where == NULL) {
			CHECK_INT(ret, 0);
			if (ret < 0)
				fprintf(stderr, "case %zu: %s\n", i, err.msg);
			continue;
		}
		CHECK_INT(ret, CIDX_EINVAL);
		CHECK_HAS(err.msg, p);
		CHECK_HAS(err.msg, cases[i].where);
	}
	cidx_framework_free(fw);
	tmp_end();
}
