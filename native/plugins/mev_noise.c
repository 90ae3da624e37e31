/*
 * mev-noise: full-scale output (plugin_api_v2_t) for the mixer's saturation tests.
 * Param mode: "noise" (every sample random at full scale, the default) or "square"
 * (+32767 for the first half of each block, -32768 for the second half).
 */
#include <stdint.h>
#include "move_plugin_abi.h"
#include "mev_util.h"

typedef struct { uint32_t seed; int square; } noise_t;

static void *create_instance(const char *d, const char *j)
{
    (void)d; (void)j;
    noise_t *n = calloc(1, sizeof *n);
    if (n) n->seed = 0x12345678u ^ (uint32_t)(uintptr_t)n;
    return n;
}
static void destroy_instance(void *i) { free(i); }
static void on_midi(void *i, const uint8_t *m, int l, int s) { (void)i; (void)m; (void)l; (void)s; }
static void set_param(void *i, const char *k, const char *v)
{
    noise_t *n = i;
    if (k && v && !strcmp(k, "mode")) n->square = !strcmp(v, "square");
}
static int get_param(void *i, const char *k, char *b, int bl)
{
    noise_t *n = i;
    if (k && !strcmp(k, "mode")) return mev_reply(b, bl, n->square ? "square" : "noise");
    return -1;
}
static int get_error(void *i, char *b, int bl) { (void)i; (void)b; (void)bl; return 0; }
static void render_block(void *i, int16_t *out, int frames)
{
    noise_t *n = i;
    for (int f = 0; f < 2 * frames; f++) {
        if (n->square) { out[f] = f < frames ? 32767 : -32768; continue; }
        n->seed = n->seed * 1664525u + 1013904223u;
        out[f] = (n->seed >> 31) ? 32767 : -32768;
    }
}

static plugin_api_v2_t api = {
    MOVE_PLUGIN_API_VERSION_2, create_instance, destroy_instance, on_midi,
    set_param, get_param, get_error, render_block,
};

plugin_api_v2_t *move_plugin_init_v2(const host_api_v1_t *host) { (void)host; return &api; }
