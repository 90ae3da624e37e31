/*
 * mev-arp: arpeggiator (midi_fx_api_v1_t), "up" mode.
 * Held notes (sorted) are played one at a time; the step length is counted in samples from tick()'s
 * frame counts, so the rhythm follows the audio clock: step = sample_rate * 60 / bpm / steps_per_beat.
 * bpm comes from host->get_bpm when the host offers it, else the "bpm" param (default 120).
 * Params: bpm, rate (steps per beat: 1, 2, 4, 8), gate (0.1..1 of a step), mode (up only).
 */
#include <stdint.h>
#include "move_plugin_abi.h"
#include "mev_util.h"

#define MAX_HELD 16

typedef struct {
    uint8_t held[MAX_HELD];
    int held_count, next, playing, channel;
    float bpm, gate;
    int rate;
    double pos;        /* samples since the current step started */
    int gate_closed;
} arp_t;

static const host_api_v1_t *g_host;

static void *create_instance(const char *module_dir, const char *config_json)
{
    (void)module_dir; (void)config_json;
    arp_t *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->bpm = 120.0f; a->rate = 4; a->gate = 0.5f; a->playing = -1;
    return a;
}

static void destroy_instance(void *inst) { free(inst); }

static void hold(arp_t *a, uint8_t note)
{
    for (int i = 0; i < a->held_count; i++) if (a->held[i] == note) return;
    if (a->held_count == MAX_HELD) return;
    int i = a->held_count++;
    while (i > 0 && a->held[i - 1] > note) { a->held[i] = a->held[i - 1]; i--; }
    a->held[i] = note;
}

static void release(arp_t *a, uint8_t note)
{
    for (int i = 0; i < a->held_count; i++)
        if (a->held[i] == note) {
            memmove(&a->held[i], &a->held[i + 1], (size_t)(a->held_count - i - 1));
            a->held_count--;
            return;
        }
}

static int emit(uint8_t out[][3], int lens[], int n, int max_out, uint8_t s, uint8_t d1, uint8_t d2)
{
    if (n >= max_out) return n;
    out[n][0] = s; out[n][1] = d1; out[n][2] = d2; lens[n] = 3;
    return n + 1;
}

static int process_midi(void *inst, const uint8_t *in, int in_len, uint8_t out[][3], int lens[], int max_out)
{
    arp_t *a = inst;
    if (in_len < 3) return emit(out, lens, 0, max_out, in[0], in_len > 1 ? in[1] : 0, 0);
    int kind = in[0] & 0xF0;
    if (kind == 0x90 && in[2] > 0) {
        if (a->held_count == 0) { a->pos = 0; a->next = 0; a->gate_closed = 1; }
        a->channel = in[0] & 0x0F;
        hold(a, in[1]);
        return 0; /* swallowed: the arp plays it */
    }
    if (kind == 0x80 || kind == 0x90) { release(a, in[1]); return 0; }
    return emit(out, lens, 0, max_out, in[0], in[1], in[2]); /* pass everything else through */
}

static int tick(void *inst, int frames, int sample_rate, uint8_t out[][3], int lens[], int max_out)
{
    arp_t *a = inst;
    int n = 0;
    float bpm = (g_host && g_host->get_bpm) ? g_host->get_bpm() : a->bpm;
    if (bpm < 20.0f || bpm > 400.0f) bpm = a->bpm;
    double step = (double)sample_rate * 60.0 / bpm / a->rate;
    if (a->playing >= 0 && (a->held_count == 0 || (!a->gate_closed && a->pos >= step * a->gate))) {
        n = emit(out, lens, n, max_out, (uint8_t)(0x80 | a->channel), (uint8_t)a->playing, 0);
        a->playing = -1;
        a->gate_closed = 1;
    }
    if (a->held_count == 0) return n;
    if (a->gate_closed && (a->pos == 0 || a->pos >= step)) {
        if (a->pos >= step) a->pos -= step;
        if (a->next >= a->held_count) a->next = 0;
        a->playing = a->held[a->next++];
        a->gate_closed = 0;
        n = emit(out, lens, n, max_out, (uint8_t)(0x90 | a->channel), (uint8_t)a->playing, 100);
    }
    a->pos += frames;
    return n;
}

static void set_param(void *inst, const char *key, const char *val)
{
    arp_t *a = inst;
    if (!key || !val) return;
    if (!strcmp(key, "bpm")) a->bpm = mev_clampf(strtof(val, NULL), 20.0f, 400.0f);
    else if (!strcmp(key, "rate")) { int r = atoi(val); if (r == 1 || r == 2 || r == 4 || r == 8) a->rate = r; }
    else if (!strcmp(key, "gate")) a->gate = mev_clampf(strtof(val, NULL), 0.1f, 1.0f);
}

static int get_param(void *inst, const char *key, char *buf, int buf_len)
{
    arp_t *a = inst;
    if (!key) return -1;
    if (!strcmp(key, "bpm")) return mev_reply_float(buf, buf_len, a->bpm);
    if (!strcmp(key, "gate")) return mev_reply_float(buf, buf_len, a->gate);
    if (!strcmp(key, "mode")) return mev_reply(buf, buf_len, "up");
    if (!strcmp(key, "rate")) { char t[8]; snprintf(t, sizeof t, "%d", a->rate); return mev_reply(buf, buf_len, t); }
    return -1;
}

static midi_fx_api_v1_t api = {
    .api_version = MIDI_FX_API_VERSION,
    .create_instance = create_instance,
    .destroy_instance = destroy_instance,
    .process_midi = process_midi,
    .tick = tick,
    .set_param = set_param,
    .get_param = get_param,
};

midi_fx_api_v1_t *move_midi_fx_init(const host_api_v1_t *host)
{
    g_host = host;
    return &api;
}
