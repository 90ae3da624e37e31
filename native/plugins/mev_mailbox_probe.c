/*
 * mev-mailbox-probe: a silent sound generator (plugin_api_v2_t) that reports what it was given as
 * host_api_v1_t.mapped_memory, so tests can prove the mailbox grant is enforced (issue 6 item 5).
 * get_param "mapped_memory": "1" when the pointer is non-NULL, "0" when NULL.
 * get_param "mailbox_nonzero": how many of the page's 4096 bytes are non-zero (-1 when NULL).
 * render_block: DC level 0 when mapped_memory is NULL, 4096 when the page reads all zero, 8192 when it has
 * non-zero bytes (lets a test see the answer in the audio, without get_param).
 * set_param "scribble" "1": from the next render on, zero the whole page after measuring it (a test proves such
 * writes from a DSP worker never reach the engine's page). Never set it on real hardware.
 * The host pointer is copied into the instance at create time, so two loads of this library with
 * different grants (init runs per load) each keep their own answer.
 */
#include <stdint.h>
#include "move_plugin_abi.h"
#include "mev_util.h"

#define MEV_MAILBOX_PAGE 4096

typedef struct { uint8_t *mailbox; int scribble; } probe_t;

static const host_api_v1_t *g_host;

static void *create_instance(const char *d, const char *j)
{
    (void)d; (void)j;
    probe_t *p = calloc(1, sizeof *p);
    if (p && g_host) p->mailbox = g_host->mapped_memory;
    return p;
}
static void destroy_instance(void *i) { free(i); }
static void on_midi(void *i, const uint8_t *m, int l, int s) { (void)i; (void)m; (void)l; (void)s; }
static void set_param(void *i, const char *k, const char *v)
{
    probe_t *p = i;
    if (k && v && !strcmp(k, "scribble")) p->scribble = !strcmp(v, "1");
}
static int nonzero(const uint8_t *page)
{
    int n = 0;
    for (int x = 0; x < MEV_MAILBOX_PAGE; x++) n += page[x] != 0;
    return n;
}
static int get_param(void *i, const char *k, char *b, int bl)
{
    probe_t *p = i;
    if (!k) return -1;
    if (!strcmp(k, "mapped_memory")) return mev_reply(b, bl, p->mailbox ? "1" : "0");
    if (!strcmp(k, "mailbox_nonzero")) {
        if (!p->mailbox) return -1;
        char tmp[16];
        snprintf(tmp, sizeof tmp, "%d", nonzero(p->mailbox));
        return mev_reply(b, bl, tmp);
    }
    return -1;
}
static int get_error(void *i, char *b, int bl) { (void)i; (void)b; (void)bl; return 0; }
static void render_block(void *i, int16_t *out, int frames)
{
    probe_t *p = i;
    int16_t level = !p->mailbox ? 0 : nonzero(p->mailbox) ? 8192 : 4096;
    for (int f = 0; f < 2 * frames; f++) out[f] = level;
    if (p->mailbox && p->scribble) memset(p->mailbox, 0, MEV_MAILBOX_PAGE);
}

static plugin_api_v2_t api = {
    MOVE_PLUGIN_API_VERSION_2, create_instance, destroy_instance, on_midi,
    set_param, get_param, get_error, render_block,
};

plugin_api_v2_t *move_plugin_init_v2(const host_api_v1_t *host) { g_host = host; return &api; }
