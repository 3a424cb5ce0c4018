/*
 * names.h - the name a reader sees for a unit: the single place where
 * every table, chart, report and workbook picks it (cityidx(1), OUTPUT
 * FORMATS, Unit names).
 *
 * A unit is shown by its name in the chosen language (Chinese: name,
 * English: name_en), else by its name in the other, else by its code.
 * Where that name is shared by several of the units shown (Taizhou is
 * 泰州 in Jiangsu and 台州 in Zhejiang), each is followed by its region
 * in parentheses: the first of its attributes province, region and
 * country (in English: province_en, region_en, country_en and country
 * first; a Chinese value is not put in an English name) that tells them
 * apart, else its code: "Taizhou (Jiangsu)", "Taizhou (321200)".  CSV and
 * JSON keep the raw name and name_en beside the code.
 */
#ifndef CIDX_WS_NAMES_H
#define CIDX_WS_NAMES_H

#include <stddef.h>

#include "core/model.h"

/*! cidx_ws_unit_names() :
 *  The names of u[0..n) as above, in Chinese (zh) or English.  @return n
 *  strings (free with cidx_ws_unit_names_free()), or NULL when n is 0. */
char **cidx_ws_unit_names(const struct cidx_unit *u, size_t n, int zh);
void cidx_ws_unit_names_free(char **names, size_t n);

/*! cidx_ws_unit_name1() : the name of one unit in `zh`/English, without
 *  the region (for a unit shown alone). */
const char *cidx_ws_unit_name1(const struct cidx_unit *u, int zh);

/*! cidx_ws_attr_lang() :
 *  The value of attribute `key` of u as a reader of `zh`/English sees
 *  it: in English the value of `key`_en when the unit has one (province
 *  江苏省, province_en Jiangsu), else that of `key`; NULL when neither. */
const char *cidx_ws_attr_lang(const struct cidx_unit *u, const char *key,
    int zh);

/*! cidx_ws_attr_keys_merge() :
 *  Drops from keys[0..n) (freeing them) every "X_en" whose "X" is also
 *  among them: a table shows one column X, in the reader's language
 *  (cidx_ws_attr_lang()).  @return the number of keys left, in order. */
size_t cidx_ws_attr_keys_merge(char **keys, size_t n);

#endif
