/*
 * names: the name a reader sees for a unit (ws/names.h): in the chosen
 * language, with the region where two units shown share a name.
 */
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/model.h"
#include "ws/names.h"
#include "runner.h"

/* unit `u`: code, name, English name (NULL: none) and up to two
 * attributes k1=v1, k2=v2 (keys sorted; k NULL: none) */
static void
mk(struct cidx_unit *u, const char *code, const char *name, const char *en,
    const char *k1, const char *v1, const char *k2, const char *v2)
{
	memset(u, 0, sizeof(*u));
	u->code = cidx_xstrdup(code);
	u->name = name ? cidx_xstrdup(name) : NULL;
	u->name_en = en ? cidx_xstrdup(en) : NULL;
	u->attr = cidx_xcalloc(2, sizeof(*u->attr));
	if (k1) {
		u->attr[u->n_attr].key = cidx_xstrdup(k1);
		u->attr[u->n_attr++].value = cidx_xstrdup(v1);
	}
	if (k2) {
		u->attr[u->n_attr].key = cidx_xstrdup(k2);
		u->attr[u->n_attr++].value = cidx_xstrdup(v2);
	}
}

static void
clear(struct cidx_unit *u, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cidx_unit_clear(&u[i]);
}

/* 泰州 and 台州 are both Taizhou in English: the province tells them
 * apart (its English when there is one), never in Chinese */
void
test_names__taizhou(void)
{
	struct cidx_unit u[3];
	char **en, **zh;

	mk(&u[0], "110100", "北京市", "Beijing", NULL, NULL, NULL, NULL);
	mk(&u[1], "321200", "泰州市", "Taizhou", "province", "江苏省",
	    "province_en", "Jiangsu");
	mk(&u[2], "331000", "台州市", "Taizhou", "province", "浙江省",
	    "province_en", "Zhejiang");
	en = cidx_ws_unit_names(u, LEN(u), 0);
	zh = cidx_ws_unit_names(u, LEN(u), 1);
	CHECK_STR(en[0], "Beijing");
	CHECK_STR(en[1], "Taizhou (Jiangsu)");
	CHECK_STR(en[2], "Taizhou (Zhejiang)");
	CHECK_STR(zh[1], "泰州市");
	CHECK_STR(zh[2], "台州市");
	cidx_ws_unit_names_free(en, LEN(u));
	cidx_ws_unit_names_free(zh, LEN(u));
	/* one of the two shown alone: no region */
	en = cidx_ws_unit_names(&u[1], 1, 0);
	CHECK_STR(en[0], "Taizhou");
	cidx_ws_unit_names_free(en, 1);
	clear(u, LEN(u));
}

/* a Chinese province is not put in an English name, nor a region that
 * does not tell the units apart: the code is; a unit without names is
 * its code; in Chinese the province tells apart two units named alike */
void
test_names__no_region_gives_the_code(void)
{
	struct cidx_unit u[5];
	char **en, **zh;

	mk(&u[0], "321200", "泰州市", "Taizhou", "province", "江苏省",
	    "region", "East");
	mk(&u[1], "331000", "台州市", "Taizhou", "province", "浙江省",
	    "region", "East");
	mk(&u[2], "X1", NULL, NULL, NULL, NULL, NULL, NULL);
	mk(&u[3], "A", "同名", "Same", "province", "江苏省", NULL, NULL);
	mk(&u[4], "B", "同名", "Same", "province", "浙江省", NULL, NULL);
	en = cidx_ws_unit_names(u, LEN(u), 0);
	zh = cidx_ws_unit_names(u, LEN(u), 1);
	CHECK_STR(en[0], "Taizhou (321200)");
	CHECK_STR(en[1], "Taizhou (331000)");
	CHECK_STR(en[2], "X1");
	CHECK_STR(en[3], "Same (A)");
	CHECK_STR(zh[2], "X1");
	CHECK_STR(zh[3], "同名 (江苏省)");
	CHECK_STR(zh[4], "同名 (浙江省)");
	cidx_ws_unit_names_free(en, LEN(u));
	cidx_ws_unit_names_free(zh, LEN(u));
	clear(u, LEN(u));
}
