/*
 * mev-delay: stereo delay (audio_fx_api_v2_t), processed in place.
 * Params: time (ms, 1..2000), feedback (0..0.95), mix (0..1 wet share).
 * Exports move_audio_fx_on_midi too: CC 123 (all notes off) clears the delay line,
 * so the host's optional-export path is exercised.
 */
#include <stdint.h>
#include "move_plugin_abi.h"
#include "mev_util.h"

#define MAX_DELAY_FRAMES (MOVE_SAMPLE_RATE * 2)

typedef struct {
    float line[MAX_DELAY_FRAMES][2];
    int write, delay_frames;
    float time_ms, feedback, mix;
} delay_t;

static void *create_instance(const char *module_dir, const char *config_json)
{
    (void)module_dir; (void)config_json;
    delay_t *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->time_ms = 250.0f; d->feedback = 0.3f; d->mix = 0.35f;
    d->delay_frames = (int)(d->time_ms * MOVE_SAMPLE_RATE / 1000.0f);
    return d;
}

static void destroy_instance(void *inst) { free(inst); }

static void process_block(void *inst, int16_t *io, int frames)
{
    delay_t *d = inst;
    for (int f = 0; f < frames; f++) {
        int read = d->write - d->delay_frames;
        if (read < 0) read += MAX_DELAY_FRAMES;
        for (int c = 0; c < 2; c++) {
            float dry = io[2 * f + c];
            float wet = d->line[read][c];
            d->line[d->write][c] = dry + wet * d->feedback;
            io[2 * f + c] = mev_to_i16(dry * (1.0f - d->mix) + wet * d->mix);
        }
        if (++d->write == MAX_DELAY_FRAMES) d->write = 0;
    }
}

static void set_param(void *inst, const char *key, const char *val)
{
    delay_t *d = inst;
    if (!key || !val) return;
    if (!strcmp(key, "time")) {
        d->time_ms = mev_clampf(strtof(val, NULL), 1.0f, 2000.0f);
        d->delay_frames = (int)(d->time_ms * MOVE_SAMPLE_RATE / 1000.0f);
        if (d->delay_frames >= MAX_DELAY_FRAMES) d->delay_frames = MAX_DELAY_FRAMES - 1;
    }
    else if (!strcmp(key, "feedback")) d->feedback = mev_clampf(strtof(val, NULL), 0.0f, 0.95f);
    else if (!strcmp(key, "mix")) d->mix = mev_clampf(strtof(val, NULL), 0.0f, 1.0f);
}

static int get_param(void *inst, const char *key, char *buf, int buf_len)
{
    delay_t *d = inst;
    if (!key) return -1;
    if (!strcmp(key, "time")) return mev_reply_float(buf, buf_len, d->time_ms);
    if (!strcmp(key, "feedback")) return mev_reply_float(buf, buf_len, d->feedback);
    if (!strcmp(key, "mix")) return mev_reply_float(buf, buf_len, d->mix);
    if (!strcmp(key, "chain_params"))
        return mev_reply(buf, buf_len,
            "[{\"key\":\"time\",\"name\":\"Time\",\"type\":\"float\",\"min\":1,\"max\":2000,\"unit\":\"ms\"},"
            "{\"key\":\"feedback\",\"name\":\"Feedback\",\"type\":\"float\",\"min\":0,\"max\":0.95},"
            "{\"key\":\"mix\",\"name\":\"Mix\",\"type\":\"float\",\"min\":0,\"max\":1}]");
    return -1;
}

static void on_midi(void *inst, const uint8_t *msg, int len, int source)
{
    (void)source;
    delay_t *d = inst;
    if (len >= 3 && (msg[0] & 0xF0) == 0xB0 && msg[1] == 123) memset(d->line, 0, sizeof d->line);
}

void move_audio_fx_on_midi(void *inst, const uint8_t *msg, int len, int source) { on_midi(inst, msg, len, source); }

static audio_fx_api_v2_t api = {
    .api_version = AUDIO_FX_API_VERSION_2,
    .create_instance = create_instance,
    .destroy_instance = destroy_instance,
    .process_block = process_block,
    .set_param = set_param,
    .get_param = get_param,
    .on_midi = NULL, /* delivered through the optional export instead */
};

audio_fx_api_v2_t *move_audio_fx_init_v2(const host_api_v1_t *host)
{
    (void)host;
    return &api;
}
