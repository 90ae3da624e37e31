/*
 * mev-legacy-synth: a v1-only synth (plugin_api_v1_t singleton), one sine voice.
 * Exists to prove the loader's move_plugin_init_v1 fallback: it exports no v2 symbol.
 */
#include <math.h>
#include <stdint.h>
#include "move_plugin_abi.h"
#include "mev_util.h"

static struct { int note, gate; float phase, inc, env, level; int loaded; } g;

static int on_load(const char *module_dir, const char *json_defaults)
{
    (void)module_dir; (void)json_defaults;
    memset(&g, 0, sizeof g);
    g.level = 0.5f; g.note = -1; g.loaded = 1;
    return 0;
}

static void on_unload(void) { g.loaded = 0; }

static void on_midi(const uint8_t *msg, int len, int source)
{
    (void)source;
    if (len < 3) return;
    int kind = msg[0] & 0xF0;
    if (kind == 0x90 && msg[2] > 0) {
        g.note = msg[1]; g.gate = 1;
        g.inc = 440.0f * powf(2.0f, (msg[1] - 69) / 12.0f) / MOVE_SAMPLE_RATE;
    } else if ((kind == 0x80 || kind == 0x90) && msg[1] == g.note) g.gate = 0;
}

static void set_param(const char *key, const char *val)
{
    if (key && val && !strcmp(key, "level")) g.level = mev_clampf(strtof(val, NULL), 0.0f, 1.0f);
}

static int get_param(const char *key, char *buf, int buf_len)
{
    if (key && !strcmp(key, "level")) return mev_reply_float(buf, buf_len, g.level);
    return -1;
}

static int get_error(char *buf, int buf_len) { (void)buf; (void)buf_len; return 0; }

static void render_block(int16_t *out, int frames)
{
    for (int f = 0; f < frames; f++) {
        float target = g.gate ? 1.0f : 0.0f;
        g.env += (target - g.env) * 0.002f;
        int16_t s = mev_to_i16(sinf(g.phase * 6.28318530718f) * g.env * g.level * 32767.0f);
        out[2 * f] = s; out[2 * f + 1] = s;
        g.phase += g.inc;
        if (g.phase >= 1.0f) g.phase -= 1.0f;
    }
}

static plugin_api_v1_t api = {
    .api_version = MOVE_PLUGIN_API_VERSION,
    .on_load = on_load, .on_unload = on_unload, .on_midi = on_midi,
    .set_param = set_param, .get_param = get_param, .get_error = get_error,
    .render_block = render_block,
};

plugin_api_v1_t *move_plugin_init_v1(const host_api_v1_t *host)
{
    (void)host;
    return &api;
}
