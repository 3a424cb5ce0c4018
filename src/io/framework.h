/*
 * framework.h - read a framework (indicator hierarchy) from CSV.
 *
 * Two layouts are accepted, told apart by the header:
 *  - cityidx's own: code,parent,type,level,name_zh,name_en,direction,
 *    weight,unit,denominator[,target] (only `code` is required);
 *  - COINr's iMeta: Level,iCode,iName,Direction,Weight,Parent,Type
 *    [,Unit,Target,Denominator].
 */
#ifndef CIDX_IO_FRAMEWORK_H
#define CIDX_IO_FRAMEWORK_H

#include "core/err.h"
#include "core/model.h"

/*! cidx_framework_read() :
 *  @return 0 and the framework in *out (free with cidx_framework_free()),
 *          or CIDX_EIO / CIDX_EINVAL naming file:line:column. */
int cidx_framework_read(struct cidx_framework **out, const char *path,
    const char *encoding, struct cidx_err *err);

#endif
