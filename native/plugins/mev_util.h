/* Small helpers shared by our own plugins: string params and clamping. */
#ifndef MEV_UTIL_H
#define MEV_UTIL_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline float mev_clampf(float v, float lo, float hi) { return v < lo ? lo : (v > hi ? hi : v); }

static inline int16_t mev_to_i16(float v)
{
    if (v > 32767.0f) return 32767;
    if (v < -32768.0f) return -32768;
    return (int16_t)v;
}

/* Writes text into buf (NUL-terminated). Returns its length, or -1 when it does not fit. */
static inline int mev_reply(char *buf, int buf_len, const char *text)
{
    int n = (int)strlen(text);
    if (buf == NULL || buf_len <= n) return -1;
    memcpy(buf, text, (size_t)n + 1);
    return n;
}

static inline int mev_reply_float(char *buf, int buf_len, float v)
{
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%.4f", v);
    return mev_reply(buf, buf_len, tmp);
}
#endif
