/*
 * lookup.h - a unit named on the command line: by its code, or by its
 * name as people write it (北京市, 北京, Beijing, beijing).
 */
#ifndef CIDX_LOOKUP_H
#define CIDX_LOOKUP_H

#include "core/err.h"
#include "core/model.h"

/*! cidx_dataset_lookup() :
 *  The row of the unit of `ds` that `text` names: its code exactly;
 *  else its name or English name (ASCII case ignored); else its name
 *  without an administrative suffix (市, 地区, 盟, 自治州, 特别行政区).
 *  @return 0 and *row, CIDX_ENOTFOUND when no unit matches (the message
 *  names the code or name one edit away, core/suggest.h: "no unit
 *  '杭洲市'; did you mean '杭州市'?"), or
 *  CIDX_EINVAL when several do at the first rule that matches any (the
 *  message lists them: "code name"). */
int cidx_dataset_lookup(const struct cidx_dataset *ds, const char *text,
    long *row, struct cidx_err *err);

/*! cidx_dataset_suggest() :
 *  The code, name or English name of a unit of `ds` one edit away from
 *  `text` (core/suggest.h), borrowed from ds; NULL when there is none. */
const char *cidx_dataset_suggest(const struct cidx_dataset *ds,
    const char *text);

#endif
