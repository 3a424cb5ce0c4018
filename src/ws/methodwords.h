/*
 * methodwords.h - a method in words for readers, in one language
 * (cityidx(1), OUTPUT FORMATS, Language): "归一化：最小–最大法（0–100）；
 * 加总：算术平均" or "normalisation: min–max (0–100); aggregation:
 * arithmetic mean", never the option syntax (which tables for programs
 * and the JSON keep, cidx_ws_describe()).  The words are the catalogue's
 * (core/msg.h).
 */
#ifndef CIDX_WS_METHODWORDS_H
#define CIDX_WS_METHODWORDS_H

#include "calc/methodvocab.h"
#include "core/mem.h"
#include "core/msg.h"
#include "ws/ws.h"

/*! cidx_ws_item_words() : one item of `m` (its value only, without the
 *  label: "最小–最大法（0–100）"); `noun` for "only cities with every
 *  indicator". */
void cidx_ws_item_words(const struct cidx_method *m, enum cidx_mkey key,
    enum cidx_lang lang, enum cidx_unit_noun noun, struct sbuf *sb);

/*! cidx_ws_spec_words() : the text of an item as its option takes it
 *  ("minmax:1,100", "geom") in words; the text itself when it is not
 *  one. */
void cidx_ws_spec_words(enum cidx_mkey key, const char *text,
    enum cidx_lang lang, enum cidx_unit_noun noun, struct sbuf *sb);

/*! cidx_ws_describe_words() : the method of `ws` in one line of words:
 *  the preparation that runs, the index method or normalisation and
 *  aggregation, the weights. */
void cidx_ws_describe_words(const struct cidx_ws *ws, enum cidx_lang lang,
    struct sbuf *sb);

struct cidx_tierspec;

/*! cidx_ws_tier_words() : a tier spec in words: "自然断点法（3个梯队）" /
 *  "natural breaks (3 tiers)". */
void cidx_ws_tier_words(const struct cidx_tierspec *ts, enum cidx_lang lang,
    struct sbuf *sb);

/*! cidx_ws_method_line() : "方法：" / "method: " and the words of
 *  cidx_ws_describe_words() (chart footers, the report's cover). */
void cidx_ws_method_line(const struct cidx_ws *ws, enum cidx_lang lang,
    struct sbuf *sb);

#endif
