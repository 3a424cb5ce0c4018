/*
 * io: the CSV reader (positions, encodings, malformed input), framework
 * files, data imports and weights files.
 *
 * Each test writes its input into a fresh directory under /tmp and
 * removes it at the end, so the bytes and the positions expected in them
 * sit side by side.  Positions are line:column, both from 1, columns
 * counted in characters; they are counted by hand in the comments.
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/err.h"
#include "core/mem.h"
#include "core/model.h"
#include "core/sha256.h"
#include "io/csv.h"
#include "io/framework.h"
#include "io/import.h"
#include "fixture.h"
#include "runner.h"


/* field (r, c) has text s at line:col */
#define CHECK_FIELD(t, r, c, str, ln, cl)                                 \
	do {                                                              \
		const struct cidx_csv_field *f_ = cidx_csv_at(t, r, c);   \
		CHECK_STR(f_->s, str);                                    \
		CHECK_INT(f_->line, ln);                                  \
		CHECK_INT(f_->col, cl);                                   \
	} while (0)

/* "path:line:col:" as the start of a message */
static const char *
at(char *buf, size_t size, const char *path, unsigned line, unsigned col)
{
	snprintf(buf, size, "%s:%u:%u:", path, line, col);
	return buf;
}

void
test_io__csv_positions(void)
{
	/*
	 * line 1: code,name,value          code 1:1, name 1:6, value 1:11
	 * line 2: BJ,"Bei, <newline>       BJ 2:1, the quoted field 2:4
	 * line 3: jing",1.5                1.5 at 3:7 (j1 i2 n3 g4 "5 ,6)
	 * line 4: 上海市,SH,2              上海市 4:1, SH 4:5, 2 4:8: columns
	 *                                  count characters, not bytes
	 */
	static const char text[] = "code,name,value\n"
	    "BJ,\"Bei, \njing\",1.5\n"
	    "上海市,SH,2\n";
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_csv *t = NULL;
	char p[128], sha[65];

	if (tmp_begin() < 0)
		return;
	put(p, sizeof(p), "pos.csv", text);
	CHECK_INT(cidx_csv_read(&t, p, NULL, &err), 0);
	if (t == NULL)
		goto out;
	CHECK_INT(t->nrows, 3);
	CHECK_INT(cidx_csv_ncols(t, 0), 3);
	CHECK_INT(cidx_csv_ncols(t, 1), 3);
	CHECK_INT(cidx_csv_ncols(t, 2), 3);
	CHECK_FIELD(t, 0, 0, "code", 1, 1);
	CHECK_FIELD(t, 0, 1, "name", 1, 6);
	CHECK_FIELD(t, 0, 2, "value", 1, 11);
	CHECK_FIELD(t, 1, 0, "BJ", 2, 1);
	/* the quotes go, the comma and the newline stay */
	CHECK_FIELD(t, 1, 1, "Bei, \njing", 2, 4);
	CHECK_FIELD(t, 1, 2, "1.5", 3, 7);
	CHECK_FIELD(t, 2, 0, "上海市", 4, 1);
	CHECK_FIELD(t, 2, 1, "SH", 4, 5);
	CHECK_FIELD(t, 2, 2, "2", 4, 8);
	/* just past the last field: "code,name,value" is 15 characters;
	 * "上海市,SH,2" is 3+1+2+1+1 = 8 */
	CHECK_INT(t->row_endcol[0], 16);
	CHECK_INT(t->row_endcol[2], 9);
	CHECK_STR(t->encoding, "UTF-8");
	CHECK_STR(t->path, p);
	cidx_sha256_buf(text, strlen(text), sha);
	CHECK_STR(t->sha256, sha);
	{
		static const char *const names[] = { "nope", "VALUE", NULL };

		/* header lookup ignores ASCII case */
		CHECK_INT(cidx_csv_find_col(t, names), 2);
	}
	CHECK_INT(cidx_csv_check_rect(t, &err), 0);
out:
	cidx_csv_free(t);
	tmp_end();
}

void
test_io__csv_crlf_bom_and_empty_fields(void)
{
	/* a UTF-8 BOM is dropped and not counted; CRLF ends lines and never
	 * ends up in a field */
	static const char crlf[] = "\xEF\xBB\xBF" "code,x\r\nBJ,1\r\nSH,2\r\n";
	/* a,,c: the empty field starts where its terminator is (2:3);
	 * the last line has no newline; 𠀀 (4 bytes) is one column */
	static const char empty[] = "a,b,c\n1,,3\n\xF0\xA0\x80\x80,y,z";
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_csv *t = NULL;
	char p[128];

	if (tmp_begin() < 0)
		return;
	put(p, sizeof(p), "crlf.csv", crlf);
	CHECK_INT(cidx_csv_read(&t, p, NULL, &err), 0);
	if (t != NULL) {
		CHECK_INT(t->nrows, 3);
		CHECK_FIELD(t, 0, 0, "code", 1, 1);
		CHECK_FIELD(t, 0, 1, "x", 1, 6);
		CHECK_FIELD(t, 1, 0, "BJ", 2, 1);
		CHECK_FIELD(t, 1, 1, "1", 2, 4);
		CHECK_FIELD(t, 2, 1, "2", 3, 4);
		CHECK_STR(t->encoding, "UTF-8");
	}
	cidx_csv_free(t);
	t = NULL;

	put(p, sizeof(p), "empty.csv", empty);
	CHECK_INT(cidx_csv_read(&t, p, NULL, &err), 0);
	if (t != NULL) {
		CHECK_INT(t->nrows, 3);
		CHECK_FIELD(t, 1, 0, "1", 2, 1);
		CHECK_FIELD(t, 1, 1, "", 2, 3);
		CHECK_FIELD(t, 1, 2, "3", 2, 4);
		CHECK_FIELD(t, 2, 0, "\xF0\xA0\x80\x80", 3, 1);
		CHECK_FIELD(t, 2, 1, "y", 3, 3);
		CHECK_FIELD(t, 2, 2, "z", 3, 5);
	}
	cidx_csv_free(t);
	tmp_end();
}

void
test_io__csv_malformed(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_csv *t = (struct cidx_csv *)&err;
	char p[128], want[192];

	if (tmp_begin() < 0)
		return;
	/* the quote opening at 2:3 never closes */
	put(p, sizeof(p), "open.csv", "a,b\n1,\"abc\n2,3\n");
	CHECK_INT(cidx_csv_read(&t, p, NULL, &err), CIDX_EINVAL);
	CHECK(t == NULL);
	CHECK_INT(err.code, CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 2, 3));
	CHECK_HAS(err.msg, "unterminated quoted field");

	/* "x"y: the y at 2:4 follows the closing quote */
	put(p, sizeof(p), "after.csv", "a,b\n\"x\"y,2\n");
	CHECK_INT(cidx_csv_read(&t, p, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 2, 4));
	CHECK_HAS(err.msg, "malformed CSV");

	/* x"y: a quote inside an unquoted field, at 2:2 */
	put(p, sizeof(p), "inside.csv", "a,b\nx\"y,2\n");
	CHECK_INT(cidx_csv_read(&t, p, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 2, 2));

	/* a NUL byte at 2:3 */
	put_n(p, sizeof(p), "nul.csv", "a,b\n1,\0\n", 8);
	CHECK_INT(cidx_csv_read(&t, p, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 2, 3));
	CHECK_HAS(err.msg, "NUL");

	put(p, sizeof(p), "empty.csv", "");
	CHECK_INT(cidx_csv_read(&t, p, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "empty file");

	snprintf(p, sizeof(p), "%s/missing.csv", tmpdir);
	CHECK_INT(cidx_csv_read(&t, p, NULL, &err), CIDX_EIO);
	CHECK_HAS(err.msg, "cannot open");
	CHECK(t == NULL);
	tmp_end();
}

void
test_io__csv_check_rect(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_csv *t = NULL;
	char p[128], want[192];

	if (tmp_begin() < 0)
		return;
	/* line 3 "4,5,6,7": the surplus field "7" is at 3:7 */
	put(p, sizeof(p), "long.csv", "a,b,c\n1,2,3\n4,5,6,7\n");
	CHECK_INT(cidx_csv_read(&t, p, NULL, &err), 0);
	if (t != NULL) {
		CHECK_INT(cidx_csv_check_rect(t, &err), CIDX_EINVAL);
		CHECK_HAS(err.msg, at(want, sizeof(want), p, 3, 7));
		CHECK_HAS(err.msg, "row has 4 fields, header has 3");
	}
	cidx_csv_free(t);
	t = NULL;
	/* line 2 "1,2": a field is missing just past the end, 2:4 */
	put(p, sizeof(p), "short.csv", "a,b,c\n1,2\n");
	CHECK_INT(cidx_csv_read(&t, p, NULL, &err), 0);
	if (t != NULL) {
		CHECK_INT(cidx_csv_check_rect(t, &err), CIDX_EINVAL);
		CHECK_HAS(err.msg, at(want, sizeof(want), p, 2, 4));
		CHECK_HAS(err.msg, "row has 2 fields, header has 3");
	}
	cidx_csv_free(t);
	tmp_end();
}

void
test_io__csv_gb18030_and_utf16(void)
{
	/* 北京 in GB18030 is B1 B1 BE A9; in UTF-8 E5 8C 97 E4 BA AC.
	 * "BJ,北京,1": 1 at 2:7 (B1 J2 ,3 北4 京5 ,6) */
	static const char gb[] = "code,name,v\nBJ,\xB1\xB1\xBE\xA9,1\n";
	/* "a,b\n" in UTF-16LE with its BOM */
	static const char u16[] = "\xFF\xFE" "a\0,\0b\0\n\0" "1\0,\0" "2\0\n\0";
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_csv *t = NULL;
	char p[128], sha[65];

	if (tmp_begin() < 0)
		return;
	put(p, sizeof(p), "gb.csv", gb);
	/* detected: not valid UTF-8 */
	CHECK_INT(cidx_csv_read(&t, p, NULL, &err), 0);
	if (t != NULL) {
		CHECK_STR(t->encoding, "GB18030");
		CHECK_FIELD(t, 1, 1, "\xE5\x8C\x97\xE4\xBA\xAC", 2, 4);
		CHECK_FIELD(t, 1, 2, "1", 2, 7);
		/* the checksum is of the bytes as read, before conversion */
		cidx_sha256_buf(gb, strlen(gb), sha);
		CHECK_STR(t->sha256, sha);
	}
	cidx_csv_free(t);
	t = NULL;
	/* given */
	CHECK_INT(cidx_csv_read(&t, p, "GB18030", &err), 0);
	if (t != NULL)
		CHECK_STR(cidx_csv_at(t, 1, 1)->s, "北京");
	cidx_csv_free(t);
	t = NULL;
	/* insisting on UTF-8 is an error, a fact without advice (the
	 * command line knows which option to suggest) */
	CHECK_INT(cidx_csv_read(&t, p, "UTF-8", &err), CIDX_EENCODING);
	CHECK_HAS(err.msg, "not valid UTF-8");
	CHECK(strstr(err.msg, "--encoding") == NULL);
	CHECK(t == NULL);
	CHECK_INT(cidx_csv_read(&t, p, "NO-SUCH-ENCODING", &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "unknown encoding");

	put_n(p, sizeof(p), "u16.csv", u16, sizeof(u16) - 1);
	CHECK_INT(cidx_csv_read(&t, p, NULL, &err), 0);
	if (t != NULL) {
		CHECK_STR(t->encoding, "UTF-16");
		CHECK_INT(t->nrows, 2);
		CHECK_FIELD(t, 0, 0, "a", 1, 1);
		CHECK_FIELD(t, 1, 1, "2", 2, 3);
	}
	cidx_csv_free(t);
	tmp_end();
}

/* the unit, description and source in English and in Chinese: a reader
 * of each language sees its own, else the one the framework has */
void
test_io__framework_texts_in_two_languages(void)
{
	static const char text[] =
	    "code,parent,type,level,name_zh,name_en,unit,unit_zh,"
	    "description_en,description_zh,source,source_zh\n"
	    "INDEX,,aggregate,2,指数,Index,,,,,,\n"
	    "I1,INDEX,indicator,1,指标一,Ind 1,persons,人,Head count,人头数,"
	    "Census,人口普查\n"
	    "I2,INDEX,indicator,1,指标二,Ind 2,km,,Length,,,\n";
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	const struct cidx_node *a, *b;
	char p[128];

	if (tmp_begin() < 0)
		return;
	put(p, sizeof(p), "fw2.csv", text);
	CHECK_INT(cidx_framework_read(&fw, p, NULL, &err), 0);
	if (fw == NULL)
		goto out;
	a = &fw->node[1];
	b = &fw->node[2];
	CHECK_STR(cidx_node_text(a, CIDX_NODE_UNIT, 1), "人");
	CHECK_STR(cidx_node_text(a, CIDX_NODE_UNIT, 0), "persons");
	CHECK_STR(cidx_node_text(a, CIDX_NODE_DESCRIPTION, 1), "人头数");
	CHECK_STR(cidx_node_text(a, CIDX_NODE_DESCRIPTION, 0), "Head count");
	CHECK_STR(cidx_node_text(a, CIDX_NODE_SOURCE, 1), "人口普查");
	CHECK_STR(cidx_node_text(a, CIDX_NODE_SOURCE, 0), "Census");
	/* no Chinese form: the one there is */
	CHECK_STR(cidx_node_text(b, CIDX_NODE_UNIT, 1), "km");
	CHECK_STR(cidx_node_text(b, CIDX_NODE_DESCRIPTION, 1), "Length");
	CHECK(cidx_node_text(b, CIDX_NODE_SOURCE, 1) == NULL);
	cidx_framework_free(fw);
out:
	tmp_end();
}

void
test_io__framework_read_own_layout(void)
{
	static const char text[] =
	    "code,parent,type,level,name_zh,name_en,direction,weight,unit,"
	    "denominator\n"
	    "INDEX,,aggregate,3,指数,Index,,1,,\n"
	    "P1,INDEX,aggregate,2,支柱一,Pillar 1,,2,,\n"
	    "I1,P1,indicator,1,指标一,Ind 1,1,1,%,POP\n"
	    "I2,P1,indicator,1,指标二,Ind 2,-1,0.5,,\n"
	    "POP,,denominator,,人口,Population,,,persons,\n"
	    "PROV,,group,,省份,Province,,,,\n";
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	char p[128];

	if (tmp_begin() < 0)
		return;
	put(p, sizeof(p), "fw.csv", text);
	CHECK_INT(cidx_framework_read(&fw, p, NULL, &err), 0);
	if (fw == NULL)
		goto out;
	CHECK_INT(fw->n, 6);
	CHECK_INT(fw->n_ind, 2);
	CHECK_INT(fw->root, 0);
	CHECK_INT(fw->top_level, 3);
	CHECK_STR(fw->node[0].code, "INDEX");
	CHECK(fw->node[0].parent == NULL);
	CHECK(fw->node[1].type == CIDX_NODE_AGGREGATE);
	CHECK_DBL(fw->node[1].weight, 2, 0);
	CHECK(fw->node[2].type == CIDX_NODE_INDICATOR);
	CHECK_STR(fw->node[2].parent, "P1");
	CHECK_STR(fw->node[2].name_zh, "指标一");
	CHECK_STR(fw->node[2].name_en, "Ind 1");
	CHECK_STR(fw->node[2].unit, "%");
	CHECK_STR(fw->node[2].denominator, "POP");
	CHECK_INT(fw->node[2].direction, 1);
	CHECK_INT(fw->node[3].direction, -1);
	CHECK_DBL(fw->node[3].weight, 0.5, 0);
	CHECK(fw->node[3].unit == NULL);
	CHECK(fw->node[3].denominator == NULL);
	/* no target column: NaN */
	CHECK_DBL(fw->node[3].target, NAN, 0);
	CHECK(fw->node[4].type == CIDX_NODE_DENOMINATOR);
	CHECK_INT(fw->node[4].level, 0);
	CHECK_STR(fw->node[4].unit, "persons");
	CHECK(fw->node[5].type == CIDX_NODE_GROUP);
	CHECK_INT(fw->ind[0], 2);
	CHECK_INT(fw->ind[1], 3);
	cidx_framework_free(fw);
	fw = NULL;

	/* only code and parent: a node that is a parent is an aggregate,
	 * the others indicators; direction and weight default to 1 */
	put(p, sizeof(p), "min.csv", "code,parent\nINDEX,\nA,INDEX\nB,INDEX\n");
	CHECK_INT(cidx_framework_read(&fw, p, NULL, &err), 0);
	if (fw == NULL)
		goto out;
	CHECK(fw->node[0].type == CIDX_NODE_AGGREGATE);
	CHECK(fw->node[1].type == CIDX_NODE_INDICATOR);
	CHECK_INT(fw->node[1].direction, 1);
	CHECK_DBL(fw->node[2].weight, 1, 0);
	CHECK_INT(fw->node[0].level, 2);
	CHECK_INT(fw->n_ind, 2);
out:
	cidx_framework_free(fw);
	tmp_end();
}

void
test_io__framework_read_coinr_imeta(void)
{
	/* COINr's iMeta, columns in the order of COINr's ASEM export */
	static const char text[] =
	    "Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,"
	    "Parent,Type\n"
	    "1,LPI,Logistics Performance Index,1,1,Score 1-5,4.11803135,,"
	    "Physical,Indicator\n"
	    "1,Flights,International flights passenger capacity,1,1,"
	    "Thousand seats,200.3326555,Population,Physical,Indicator\n"
	    "1,CO2,CO2 emissions,-1,2,Tonnes,,,Environ,Indicator\n"
	    "2,Physical,Physical,1,1,Score,,,Index,Aggregate\n"
	    "2,Environ,Environmental,1,1,Score,,,Index,Aggregate\n"
	    "3,Index,Sustainable Connectivity,1,1,Score,,,,Aggregate\n"
	    ",GDP_group,GDP group,,,,,,,Group\n"
	    ",Population,Population,,,Thousands,,,,Denominator\n";
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = NULL;
	char p[128];

	if (tmp_begin() < 0)
		return;
	put(p, sizeof(p), "iMeta.csv", text);
	CHECK_INT(cidx_framework_read(&fw, p, NULL, &err), 0);
	if (fw == NULL)
		goto out;
	CHECK_INT(fw->n, 8);
	CHECK_INT(fw->n_ind, 3);
	CHECK_INT(fw->root, 5);
	CHECK_INT(fw->top_level, 3);
	CHECK_STR(fw->node[0].code, "LPI");
	/* iName is the English name */
	CHECK_STR(fw->node[0].name_en, "Logistics Performance Index");
	CHECK(fw->node[0].name_zh == NULL);
	CHECK_STR(fw->node[0].parent, "Physical");
	CHECK_DBL(fw->node[0].target, 4.11803135, 0);
	CHECK_STR(fw->node[0].unit, "Score 1-5");
	CHECK_STR(fw->node[1].denominator, "Population");
	CHECK_INT(fw->node[2].direction, -1);
	CHECK_DBL(fw->node[2].weight, 2, 0);
	CHECK(fw->node[3].type == CIDX_NODE_AGGREGATE);
	CHECK_INT(fw->node[3].level, 2);
	CHECK(fw->node[6].type == CIDX_NODE_GROUP);
	CHECK(fw->node[7].type == CIDX_NODE_DENOMINATOR);
	CHECK_INT(fw->node[7].level, 0);
	CHECK(fw->node[7].parent == NULL);
	/* children of Physical (node 3): LPI, Flights */
	CHECK_INT(fw->child_off[4] - fw->child_off[3], 2);
	CHECK_INT(fw->child[fw->child_off[3]], 0);
	CHECK_INT(fw->child[fw->child_off[3] + 1], 1);
out:
	cidx_framework_free(fw);
	tmp_end();
}

void
test_io__framework_read_errors(void)
{
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_framework *fw = (struct cidx_framework *)&err;
	char p[128], want[192];

	if (tmp_begin() < 0)
		return;
	/* "INDEX,,x": the level x at 2:8 (I1 N2 D3 E4 X5 ,6 ,7) */
	put(p, sizeof(p), "lv.csv", "code,parent,level\nINDEX,,x\nA,INDEX,1\n");
	CHECK_INT(cidx_framework_read(&fw, p, NULL, &err), CIDX_EINVAL);
	CHECK(fw == NULL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 2, 8));
	CHECK_HAS(err.msg, "not a number");

	/* unknown type 'pillar' at 2:8 */
	put(p, sizeof(p), "ty.csv", "code,parent,type\nINDEX,,pillar\n"
	    "A,INDEX,\n");
	CHECK_INT(cidx_framework_read(&fw, p, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 2, 8));
	CHECK_HAS(err.msg, "unknown type 'pillar'");

	/* "A,INDEX,,2": A1 ,2 INDEX3-7 ,8 (empty type) ,9: the 2 at 3:10 */
	put(p, sizeof(p), "dir.csv", "code,parent,type,direction\n"
	    "INDEX,,aggregate,\nA,INDEX,,2\n");
	CHECK_INT(cidx_framework_read(&fw, p, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 3, 10));
	CHECK_HAS(err.msg, "direction '2': expected 1 (higher is better) or "
	    "-1 (lower is better)");

	/* checks of cidx_framework_build come through, named by the file */
	put(p, sizeof(p), "dup.csv", "code,parent\nINDEX,\nA,INDEX\nA,INDEX\n");
	CHECK_INT(cidx_framework_read(&fw, p, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, p);
	CHECK_HAS(err.msg, "duplicate code 'A'");

	put(p, sizeof(p), "nocode.csv", "name,parent\nINDEX,\n");
	CHECK_INT(cidx_framework_read(&fw, p, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 1, 1));

	/* a code with a blank, at 3:1 */
	put(p, sizeof(p), "blank.csv", "code,parent\nINDEX,\nA B,INDEX\n");
	CHECK_INT(cidx_framework_read(&fw, p, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 3, 1));
	CHECK(fw == NULL);
	tmp_end();
}

void
test_io__import_long(void)
{
	static const char text[] = "unit,indicator,year,value\n"
	    "BJ,A,2020,1.5\n"
	    "SH,A,2020,2\n"
	    "BJ,B,2020,\n"
	    "BJ,POP,2020,2154\n"
	    "SH,B,2021,NA\n";
	struct cidx_framework *fw = fx_small_framework();
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_import *imp = NULL;
	char p[128], sha[65];

	if (fw == NULL || tmp_begin() < 0) {
		cidx_framework_free(fw);
		return;
	}
	put(p, sizeof(p), "long.csv", text);
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), 0);
	if (imp == NULL)
		goto out;
	CHECK_STR(imp->layout, "long");
	CHECK_INT(imp->n_rows, 5);
	cidx_sha256_buf(text, strlen(text), sha);
	CHECK_STR(imp->sha256, sha);
	CHECK_STR(imp->encoding, "UTF-8");
	/* units in order of appearance, no names given */
	CHECK_INT(imp->n_unit, 2);
	CHECK_STR(imp->unit[0].code, "BJ");
	CHECK_STR(imp->unit[1].code, "SH");
	CHECK(imp->unit[0].name == NULL);
	CHECK_INT(imp->n_val, 5);
	CHECK_INT(cidx_import_value_at(imp, 0).unit, 0);
	CHECK_INT(cidx_import_value_at(imp, 0).node, 1);
	CHECK_INT(cidx_import_value_at(imp, 0).year, 2020);
	CHECK_DBL(cidx_import_value_at(imp, 0).value, 1.5, 0);
	CHECK_INT(cidx_import_value_at(imp, 1).unit, 1);
	CHECK_DBL(cidx_import_value_at(imp, 1).value, 2, 0);
	/* an empty field and NA say "missing" */
	CHECK_INT(cidx_import_value_at(imp, 2).node, 2);
	CHECK_DBL(cidx_import_value_at(imp, 2).value, NAN, 0);
	/* denominators are data too */
	CHECK_INT(cidx_import_value_at(imp, 3).node, 3);
	CHECK_DBL(cidx_import_value_at(imp, 3).value, 2154, 0);
	CHECK_INT(cidx_import_value_at(imp, 4).year, 2021);
	CHECK_DBL(cidx_import_value_at(imp, 4).value, NAN, 0);
	cidx_import_free(imp);
	imp = NULL;

	/* no year column: --year supplies it */
	put(p, sizeof(p), "noyear.csv", "unit,indicator,value\nBJ,A,7\n");
	{
		struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;

		o.year = 2019;
		CHECK_INT(cidx_import_read(&imp, p, fw, &o, &err), 0);
		if (imp != NULL) {
			CHECK_INT(cidx_import_value_at(imp, 0).year, 2019);
			CHECK_DBL(cidx_import_value_at(imp, 0).value, 7, 0);
		}
	}
out:
	cidx_import_free(imp);
	cidx_framework_free(fw);
	tmp_end();
}

void
test_io__import_wide_with_year_option(void)
{
	/* PROV is numeric but declared as a group: an attribute; region is
	 * text: an attribute; an empty attribute is not stored */
	static const char text[] =
	    "code,name,name_en,PROV,region,A,B,POP\n"
	    "BJ,北京,Beijing,11,north,1,2,2154\n"
	    "SH,上海,Shanghai,31,,3,,2487\n";
	struct cidx_framework *fw = fx_small_framework();
	struct cidx_import_opts o = CIDX_IMPORT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_import *imp = NULL;
	char p[128];

	if (fw == NULL || tmp_begin() < 0) {
		cidx_framework_free(fw);
		return;
	}
	put(p, sizeof(p), "wide.csv", text);
	o.year = 2020;
	CHECK_INT(cidx_import_read(&imp, p, fw, &o, &err), 0);
	if (imp == NULL)
		goto out;
	CHECK_STR(imp->layout, "wide");
	CHECK_INT(imp->n_rows, 2);
	CHECK_INT(imp->n_unit, 2);
	CHECK_STR(imp->unit[0].code, "BJ");
	CHECK_STR(imp->unit[0].name, "北京");
	CHECK_STR(imp->unit[0].name_en, "Beijing");
	/* attributes sorted by key (byte order: "PROV" < "region") */
	CHECK_INT(imp->unit[0].n_attr, 2);
	if (imp->unit[0].n_attr == 2) {
		CHECK_STR(imp->unit[0].attr[0].key, "PROV");
		CHECK_STR(imp->unit[0].attr[0].value, "11");
		CHECK_STR(imp->unit[0].attr[1].key, "region");
		CHECK_STR(imp->unit[0].attr[1].value, "north");
	}
	CHECK_INT(imp->unit[1].n_attr, 1);
	CHECK_STR(cidx_unit_attr(&imp->unit[1], "PROV"), "31");
	CHECK(cidx_unit_attr(&imp->unit[1], "region") == NULL);
	/* 2 rows x 3 value columns (A, B, POP), in column order */
	CHECK_INT(imp->n_val, 6);
	CHECK_INT(cidx_import_value_at(imp, 0).node, 1);
	CHECK_INT(cidx_import_value_at(imp, 0).year, 2020);
	CHECK_DBL(cidx_import_value_at(imp, 0).value, 1, 0);
	CHECK_INT(cidx_import_value_at(imp, 2).node, 3);
	CHECK_DBL(cidx_import_value_at(imp, 2).value, 2154, 0);
	CHECK_INT(cidx_import_value_at(imp, 4).unit, 1);
	CHECK_INT(cidx_import_value_at(imp, 4).node, 2);
	CHECK_DBL(cidx_import_value_at(imp, 4).value, NAN, 0);
	cidx_import_free(imp);
	imp = NULL;

	/* a wide file without value columns is a units file: no year needed */
	put(p, sizeof(p), "units.csv", "code,name,province\nBJ,北京,北京\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), 0);
	if (imp != NULL) {
		CHECK_STR(imp->layout, "units");
		CHECK_INT(imp->n_val, 0);
		CHECK_STR(cidx_unit_attr(&imp->unit[0], "province"), "北京");
	}
out:
	cidx_import_free(imp);
	cidx_framework_free(fw);
	tmp_end();
}

void
test_io__import_coinr_idata(void)
{
	/* COINr iData: uName, uCode, group columns, Time, denominators and
	 * indicators; the group columns are text: unit attributes */
	static const char text[] =
	    "uName,uCode,GDP_group,EurAsia_group,Time,POP,A,B\n"
	    "Austria,AUT,L,Europe,2018,8735.453,4.097985,29.01725\n"
	    "Belgium,BEL,L,Europe,2018,11429.336,4.108538,\n";
	struct cidx_framework *fw = fx_small_framework();
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_import *imp = NULL;
	char p[128];

	if (fw == NULL || tmp_begin() < 0) {
		cidx_framework_free(fw);
		return;
	}
	put(p, sizeof(p), "iData.csv", text);
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), 0);
	if (imp == NULL)
		goto out;
	CHECK_STR(imp->layout, "coinr");
	CHECK_INT(imp->n_unit, 2);
	CHECK_STR(imp->unit[0].code, "AUT");
	CHECK_STR(imp->unit[0].name, "Austria");
	CHECK(imp->unit[0].name_en == NULL);
	CHECK_INT(imp->unit[0].n_attr, 2);
	if (imp->unit[0].n_attr == 2) {
		CHECK_STR(imp->unit[0].attr[0].key, "EurAsia_group");
		CHECK_STR(imp->unit[0].attr[0].value, "Europe");
		CHECK_STR(imp->unit[0].attr[1].key, "GDP_group");
		CHECK_STR(imp->unit[0].attr[1].value, "L");
	}
	CHECK_INT(imp->n_val, 6);
	CHECK_INT(cidx_import_value_at(imp, 0).node, 3);
	CHECK_INT(cidx_import_value_at(imp, 0).year, 2018);
	CHECK_DBL(cidx_import_value_at(imp, 0).value, 8735.453, 0);
	CHECK_INT(cidx_import_value_at(imp, 1).node, 1);
	CHECK_DBL(cidx_import_value_at(imp, 1).value, 4.097985, 0);
	CHECK_INT(cidx_import_value_at(imp, 5).unit, 1);
	CHECK_DBL(cidx_import_value_at(imp, 5).value, NAN, 0);
out:
	cidx_import_free(imp);
	cidx_framework_free(fw);
	tmp_end();
}

void
test_io__import_errors(void)
{
	struct cidx_framework *fw = fx_small_framework();
	struct cidx_import_opts y2020 = CIDX_IMPORT_OPTS_INIT;
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_import *imp = (struct cidx_import *)&err;
	char p[128], want[192];

	if (fw == NULL || tmp_begin() < 0) {
		cidx_framework_free(fw);
		return;
	}
	y2020.year = 2020;

	/* bad number: "SH,A,2020,12x": S1 H2 ,3 A4 ,5 2020 6-9 ,10 1 11
	 * 2 12 x 13: the x is at 3:13 */
	put(p, sizeof(p), "num.csv", "unit,indicator,year,value\n"
	    "BJ,A,2020,1.5\nSH,A,2020,12x\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), CIDX_EINVAL);
	CHECK(imp == NULL);
	CHECK_INT(err.code, CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 3, 13));
	CHECK_HAS(err.msg, "'12x': not a number");

	/* in characters: "BJ,北京市,3.5万": 3 at 2:8, . 9, 5 10, 万 11 */
	put(p, sizeof(p), "cjk.csv", "code,name,A\nBJ,北京市,3.5万\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, &y2020, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 2, 11));
	/* a thousands separator: in "BJ,A,2020,1 000" the 1 is at 2:11,
	 * the blank at 2:12 */
	put(p, sizeof(p), "sep.csv", "unit,indicator,year,value\n"
	    "BJ,A,2020,1 000\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 2, 12));

	/* unknown indicator in a long file: ZZZ at 3:4 */
	put(p, sizeof(p), "unk.csv", "unit,indicator,year,value\n"
	    "BJ,A,2020,1\nSH,ZZZ,2020,1\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 3, 4));
	CHECK_HAS(err.msg, "unknown indicator 'ZZZ'");
	/* an aggregate or a group takes no values */
	put(p, sizeof(p), "agg.csv", "unit,indicator,year,value\n"
	    "BJ,INDEX,2020,1\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "'INDEX' is not an indicator or a denominator");
	put(p, sizeof(p), "grp.csv", "unit,indicator,year,value\n"
	    "BJ,PROV,2020,1\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "'PROV' is not an indicator or a denominator");

	/* a numeric column the framework lacks, in a wide file: GDP at 1:8
	 * (c1 o2 d3 e4 ,5 A6 ,7 G8) */
	put(p, sizeof(p), "gdp.csv", "code,A,GDP\nBJ,1,2\nSH,3,\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, &y2020, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 1, 8));
	CHECK_HAS(err.msg, "unknown indicator 'GDP'");
	/* an aggregate column in a wide file */
	put(p, sizeof(p), "wagg.csv", "code,A,INDEX\nBJ,1,2\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, &y2020, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "'INDEX' is an aggregate");

	/* the same unit twice in a year: the second at 4:1 */
	put(p, sizeof(p), "dupu.csv", "code,A\nBJ,1\nSH,2\nBJ,3\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, &y2020, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 4, 1));
	CHECK_HAS(err.msg, "duplicate unit 'BJ' for year 2020 (first at "
	    "line 2)");
	/* ... but once per year is fine */
	put(p, sizeof(p), "years.csv", "code,year,A\nBJ,2019,1\nBJ,2020,3\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), 0);
	if (imp != NULL) {
		CHECK_INT(imp->n_unit, 1);
		CHECK_INT(imp->n_val, 2);
		CHECK_INT(cidx_import_value_at(imp, 1).year, 2020);
	}
	cidx_import_free(imp);
	imp = NULL;

	/* the same unit, indicator and year twice in a long file */
	put(p, sizeof(p), "dupk.csv", "unit,indicator,year,value\n"
	    "BJ,A,2020,1\nBJ,B,2020,2\nBJ,A,2021,3\nBJ,A,2020,4\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 5, 1));
	CHECK_HAS(err.msg, "duplicate value for unit 'BJ', indicator 'A', "
	    "year 2020 (first at line 2)");

	/* many units over two interleaved years (the cells seen grow with
	 * the units): no duplicate, then one of the 201st unit's cells */
	{
		struct sbuf sb = SBUF_INIT;
		size_t line = 1, first = 0;

		cidx_sbuf_adds(&sb, "unit,indicator,year,value\n");
		for (int u = 0; u < 300; u++)
			for (int y = 2020; y <= 2021; y++)
				for (int k = 0; k < 2; k++) {
					cidx_sbuf_addf(&sb, "U%d,%s,%d,%d\n", u,
					    k ? "B" : "A", y, u);
					line++;
					if (u == 200 && y == 2021 && k == 1)
						first = line;
				}
		put(p, sizeof(p), "many.csv", sb.buf);
		CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), 0);
		/* a unit's two values of a year, on consecutive lines, share
		 * a run (issue 17) */
		if (imp != NULL) {
			CHECK_INT(imp->n_val, 1200);
			CHECK_INT(imp->n_run, 600);
		}
		cidx_import_free(imp);
		imp = NULL;
		cidx_sbuf_adds(&sb, "U200,B,2021,7\n");
		put(p, sizeof(p), "many.csv", sb.buf);
		CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err),
		    CIDX_EINVAL);
		CHECK_HAS(err.msg, at(want, sizeof(want), p, 1202, 1));
		snprintf(want, sizeof(want), "duplicate value for unit "
		    "'U200', indicator 'B', year 2021 (first at line %zu)",
		    first);
		CHECK_HAS(err.msg, want);
		cidx_sbuf_release(&sb);
	}

	/* no year anywhere */
	put(p, sizeof(p), "ny.csv", "code,A\nBJ,1\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), CIDX_EOPTION);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 1, 1));
	CHECK_INT(err.code, CIDX_EOPTION);
	CHECK_HAS(err.msg, "no 'year'");
	put(p, sizeof(p), "nyl.csv", "unit,indicator,value\nBJ,A,1\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), CIDX_EOPTION);
	CHECK_HAS(err.msg, "no 'year' column");
	/* an empty year field, at 2:6 (B1 J2 ,3 A4 ,5) */
	put(p, sizeof(p), "ey.csv", "unit,indicator,year,value\nBJ,A,,1\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 2, 6));
	CHECK_HAS(err.msg, "not a year");
	/* a year column and --year both */
	put(p, sizeof(p), "both.csv", "code,year,A\nBJ,2020,1\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, &y2020, &err), CIDX_EOPTION);
	CHECK_HAS(err.msg, "the file has a 'year' column");

	/* no unit column at all */
	put(p, sizeof(p), "nounit.csv", "A,B\n1,2\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, &y2020, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "no unit column");
	/* an extra column in a long file, at 1:27 */
	put(p, sizeof(p), "extra.csv", "unit,indicator,year,value,note\n"
	    "BJ,A,2020,1,x\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 1, 27));
	/* an empty unit code, at 3:1 */
	put(p, sizeof(p), "eu.csv", "code,A\nBJ,1\n,2\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, &y2020, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 3, 1));
	/* a ragged row */
	put(p, sizeof(p), "rag.csv", "code,A\nBJ,1,2\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, &y2020, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, "row has 3 fields, header has 2");
	CHECK(imp == NULL);
	cidx_framework_free(fw);
	tmp_end();
}

void
test_io__import_boundary(void)
{
	struct cidx_framework *fw = fx_small_framework();
	struct cidx_err err = CIDX_ERR_INIT;
	struct cidx_import *imp = NULL;
	char p[128], want[192];

	if (fw == NULL || tmp_begin() < 0) {
		cidx_framework_free(fw);
		return;
	}
	put(p, sizeof(p), "b.csv", "code,boundary\n"
	    "1,\"POLYGON ((0 0, 1 0, 1 1, 0 0))\"\n2,\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), 0);
	if (imp != NULL) {
		CHECK_STR(imp->layout, "units");
		CHECK(imp->boundary != NULL);
		if (imp->boundary) {
			CHECK_STR(imp->boundary[0],
			    "POLYGON ((0 0, 1 0, 1 1, 0 0))");
			CHECK(imp->boundary[1] == NULL);
		}
		/* not an attribute */
		CHECK_INT(imp->unit[0].n_attr, 0);
	}
	cidx_import_free(imp);
	imp = NULL;
	/* no boundary column: no array */
	put(p, sizeof(p), "n.csv", "code,name\n1,a\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), 0);
	if (imp != NULL)
		CHECK(imp->boundary == NULL);
	cidx_import_free(imp);
	imp = NULL;
	put(p, sizeof(p), "bad.csv", "code,geometry\n"
	    "2,\"POLYGON ((0 0, 1 0, 1 1, 0 1))\"\n");
	CHECK_INT(cidx_import_read(&imp, p, fw, NULL, &err), CIDX_EINVAL);
	CHECK_HAS(err.msg, at(want, sizeof(want), p, 2, 32));
	CHECK_HAS(err.msg, "a ring must end at its first point");
	CHECK(imp == NULL);
	cidx_framework_free(fw);
	tmp_end();
}

/* the rows of `path` read with and without the fast path agree: every
 * field, its position and quoting, the end of each row, the errors */
static void
same_rows(const char *path)
{
	struct cidx_err e1 = CIDX_ERR_INIT, e2 = CIDX_ERR_INIT;
	struct cidx_csv_reader *a = NULL, *b = NULL;
	int ra, rb;

	CHECK_INT(cidx_csv_open(&a, path, NULL, &e1), 0);
	CHECK_INT(cidx_csv_open(&b, path, NULL, &e2), 0);
	if (a == NULL || b == NULL)
		goto out;
	cidx_csv_no_fast_path(b);
	do {
		struct cidx_csv_row x, y;

		ra = cidx_csv_next(a, &x, &e1);
		rb = cidx_csv_next(b, &y, &e2);
		CHECK_INT(ra, rb);
		if (ra < 0 && rb < 0)
			CHECK_STR(e1.msg, e2.msg);
		if (ra != 1 || rb != 1)
			break;
		CHECK_INT(x.n, y.n);
		CHECK_INT(x.index, y.index);
		CHECK_INT(x.end_line, y.end_line);
		CHECK_INT(x.end_col, y.end_col);
		for (size_t i = 0; i < x.n && i < y.n; i++) {
			CHECK_STR(x.field[i].s, y.field[i].s);
			CHECK_INT(x.field[i].line, y.field[i].line);
			CHECK_INT(x.field[i].col, y.field[i].col);
			CHECK_INT(x.field[i].quoted, y.field[i].quoted);
		}
	} while (ra == 1);
out:
	cidx_csv_close(a);
	cidx_csv_close(b);
}

/*
 * The fast path of the reader (plain lines split without libcsv, issue
 * 17) gives what libcsv gives: hand-made cases (CR LF after a quoted row,
 * lines of blanks, blanks around fields, trailing commas, no final
 * newline, UTF-8) and 3,000 random texts over the characters that matter.
 */
void
test_io__csv_fast_path_same_rows(void)
{
	static const char *const fixed[] = {
		"code,x\r\n\"B,J\",1\r\nSH,2\r\n GZ , 3 \r\n",
		"a,b\n\n  \n\t,\n , \nx,y,\n,\nlast,row",
		"\xEF\xBB\xBF" "上海,é\n𠀀 ,\t1\t\n",
		"a,b\r\rc,d\n\"unterminated\n",
		"a,\"b\"x\nc,d\n",
	};
	static const char *const piece[] = {
		"a", "bb", "\xC3\xA9", "\xE4\xB8\x8A", ",", " ", "\t", "\r\n",
		"\n", "\"", "\"q\"", "1.5", "\r", ",,",
	};
	uint32_t s = 12345;
	char p[128], text[256];

	if (tmp_begin() < 0)
		return;
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		put(p, sizeof(p), "fast.csv", fixed[i]);
		same_rows(p);
	}
	for (int k = 0; k < 3000; k++) {
		size_t n = 0;

		text[0] = '\0';
		for (int j = 0; j < 24; j++) {
			const char *q;

			s = s * 1103515245u + 12345u;
			q = piece[(s >> 16) % (sizeof(piece) / sizeof(piece[0]))];
			if (n + strlen(q) + 1 >= sizeof(text))
				break;
			memcpy(text + n, q, strlen(q) + 1);
			n += strlen(q);
		}
		put(p, sizeof(p), "fast.csv", text);
		same_rows(p);
	}
	tmp_end();
}
