/*
 * mev-synth: our polyphonic test synth (plugin_api_v2_t).
 * 8 voices, saw / square / sine oscillator, linear ADSR, one-pole low-pass.
 * Params (strings): waveform (saw|square|sine), cutoff (Hz), attack, decay, release (seconds),
 * sustain (0..1), gain (0..1). get_param("chain_params") and ("ui_hierarchy") return JSON.
 * Exists so the engine's tests can check real sound: pitch, decay, polyphony.
 */
#include <math.h>
#include <stdint.h>
#include "move_plugin_abi.h"
#include "mev_util.h"

#define VOICES 8
enum { WAVE_SAW, WAVE_SQUARE, WAVE_SINE };
enum { ENV_OFF, ENV_ATTACK, ENV_DECAY, ENV_SUSTAIN, ENV_RELEASE };

typedef struct {
    int note, stage;
    float phase, inc, env, velocity, lp;
    unsigned age;
} voice_t;

typedef struct {
    voice_t voices[VOICES];
    int waveform;
    float cutoff, attack, decay, sustain, release, gain;
    unsigned clock;
} synth_t;

static const host_api_v1_t *g_host;

static const char *wave_names[] = { "saw", "square", "sine" };

static void *create_instance(const char *module_dir, const char *json_defaults)
{
    (void)module_dir; (void)json_defaults;
    synth_t *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->waveform = WAVE_SAW;
    s->cutoff = 8000.0f; s->attack = 0.005f; s->decay = 0.1f; s->sustain = 0.7f;
    s->release = 0.05f; s->gain = 0.5f;
    if (g_host && g_host->log) g_host->log("mev-synth: instance created");
    return s;
}

static void destroy_instance(void *inst) { free(inst); }

static void note_on(synth_t *s, int note, int velocity)
{
    voice_t *v = NULL;
    for (int i = 0; i < VOICES && !v; i++) if (s->voices[i].stage == ENV_OFF) v = &s->voices[i];
    if (!v) { /* steal the oldest voice */
        v = &s->voices[0];
        for (int i = 1; i < VOICES; i++) if (s->voices[i].age < v->age) v = &s->voices[i];
    }
    float freq = 440.0f * powf(2.0f, (note - 69) / 12.0f);
    v->note = note; v->stage = ENV_ATTACK; v->phase = 0; v->env = 0; v->lp = 0;
    v->inc = freq / MOVE_SAMPLE_RATE; v->velocity = velocity / 127.0f; v->age = ++s->clock;
}

static void note_off(synth_t *s, int note)
{
    for (int i = 0; i < VOICES; i++)
        if (s->voices[i].note == note && s->voices[i].stage != ENV_OFF && s->voices[i].stage != ENV_RELEASE)
            s->voices[i].stage = ENV_RELEASE;
}

static void on_midi(void *inst, const uint8_t *msg, int len, int source)
{
    (void)source;
    synth_t *s = inst;
    if (len < 3) return;
    int kind = msg[0] & 0xF0;
    if (kind == 0x90 && msg[2] > 0) note_on(s, msg[1], msg[2]);
    else if (kind == 0x80 || (kind == 0x90 && msg[2] == 0)) note_off(s, msg[1]);
    else if (kind == 0xB0 && msg[1] == 123) for (int i = 0; i < VOICES; i++) s->voices[i].stage = ENV_RELEASE;
}

static void set_param(void *inst, const char *key, const char *val)
{
    synth_t *s = inst;
    if (!key || !val) return;
    if (!strcmp(key, "waveform")) {
        for (int i = 0; i < 3; i++) if (!strcmp(val, wave_names[i])) s->waveform = i;
        if (val[0] >= '0' && val[0] <= '2' && val[1] == 0) s->waveform = val[0] - '0';
    }
    else if (!strcmp(key, "cutoff")) s->cutoff = mev_clampf(strtof(val, NULL), 20.0f, 20000.0f);
    else if (!strcmp(key, "attack")) s->attack = mev_clampf(strtof(val, NULL), 0.0005f, 10.0f);
    else if (!strcmp(key, "decay")) s->decay = mev_clampf(strtof(val, NULL), 0.0005f, 10.0f);
    else if (!strcmp(key, "sustain")) s->sustain = mev_clampf(strtof(val, NULL), 0.0f, 1.0f);
    else if (!strcmp(key, "release")) s->release = mev_clampf(strtof(val, NULL), 0.0005f, 10.0f);
    else if (!strcmp(key, "gain")) s->gain = mev_clampf(strtof(val, NULL), 0.0f, 1.0f);
}

static const char chain_params[] =
    "[{\"key\":\"waveform\",\"name\":\"Wave\",\"type\":\"enum\",\"options\":[\"saw\",\"square\",\"sine\"]},"
    "{\"key\":\"cutoff\",\"name\":\"Cutoff\",\"type\":\"float\",\"min\":20,\"max\":20000,\"unit\":\"Hz\"},"
    "{\"key\":\"attack\",\"name\":\"Attack\",\"type\":\"float\",\"min\":0.0005,\"max\":10,\"unit\":\"s\"},"
    "{\"key\":\"decay\",\"name\":\"Decay\",\"type\":\"float\",\"min\":0.0005,\"max\":10,\"unit\":\"s\"},"
    "{\"key\":\"sustain\",\"name\":\"Sustain\",\"type\":\"float\",\"min\":0,\"max\":1},"
    "{\"key\":\"release\",\"name\":\"Release\",\"type\":\"float\",\"min\":0.0005,\"max\":10,\"unit\":\"s\"},"
    "{\"key\":\"gain\",\"name\":\"Gain\",\"type\":\"float\",\"min\":0,\"max\":1}]";

static const char ui_hierarchy[] =
    "{\"levels\":{\"root\":{\"name\":\"MEV Synth\",\"params\":[\"waveform\",\"cutoff\",\"attack\",\"decay\","
    "\"sustain\",\"release\",\"gain\"],\"knobs\":[\"waveform\",\"cutoff\",\"attack\",\"decay\",\"sustain\","
    "\"release\",\"gain\"]}}}";

static int get_param(void *inst, const char *key, char *buf, int buf_len)
{
    synth_t *s = inst;
    if (!key) return -1;
    if (!strcmp(key, "waveform")) return mev_reply(buf, buf_len, wave_names[s->waveform]);
    if (!strcmp(key, "cutoff")) return mev_reply_float(buf, buf_len, s->cutoff);
    if (!strcmp(key, "attack")) return mev_reply_float(buf, buf_len, s->attack);
    if (!strcmp(key, "decay")) return mev_reply_float(buf, buf_len, s->decay);
    if (!strcmp(key, "sustain")) return mev_reply_float(buf, buf_len, s->sustain);
    if (!strcmp(key, "release")) return mev_reply_float(buf, buf_len, s->release);
    if (!strcmp(key, "gain")) return mev_reply_float(buf, buf_len, s->gain);
    if (!strcmp(key, "chain_params")) return mev_reply(buf, buf_len, chain_params);
    if (!strcmp(key, "ui_hierarchy")) return mev_reply(buf, buf_len, ui_hierarchy);
    return -1;
}

static int get_error(void *inst, char *buf, int buf_len) { (void)inst; (void)buf; (void)buf_len; return 0; }

static float oscillator(int waveform, float phase)
{
    switch (waveform) {
    case WAVE_SQUARE: return phase < 0.5f ? 1.0f : -1.0f;
    case WAVE_SINE: return sinf(phase * 6.28318530718f);
    default: return 2.0f * phase - 1.0f;
    }
}

static float envelope(synth_t *s, voice_t *v)
{
    const float sr = (float)MOVE_SAMPLE_RATE;
    switch (v->stage) {
    case ENV_ATTACK:
        v->env += 1.0f / (s->attack * sr);
        if (v->env >= 1.0f) { v->env = 1.0f; v->stage = ENV_DECAY; }
        break;
    case ENV_DECAY:
        v->env -= (1.0f - s->sustain) / (s->decay * sr);
        if (v->env <= s->sustain) { v->env = s->sustain; v->stage = ENV_SUSTAIN; }
        break;
    case ENV_RELEASE:
        v->env -= 1.0f / (s->release * sr);
        if (v->env <= 0.0f) { v->env = 0.0f; v->stage = ENV_OFF; }
        break;
    default: break;
    }
    return v->env;
}

static void render_block(void *inst, int16_t *out_lr, int frames)
{
    synth_t *s = inst;
    float alpha = 1.0f - expf(-6.28318530718f * s->cutoff / MOVE_SAMPLE_RATE);
    for (int f = 0; f < frames; f++) {
        float mix = 0.0f;
        for (int i = 0; i < VOICES; i++) {
            voice_t *v = &s->voices[i];
            if (v->stage == ENV_OFF) continue;
            float x = oscillator(s->waveform, v->phase) * envelope(s, v) * v->velocity;
            v->lp += alpha * (x - v->lp);
            mix += v->lp;
            v->phase += v->inc;
            if (v->phase >= 1.0f) v->phase -= 1.0f;
        }
        int16_t sample = mev_to_i16(mix * s->gain * 0.25f * 32767.0f);
        out_lr[2 * f] = sample;
        out_lr[2 * f + 1] = sample;
    }
}

static plugin_api_v2_t api = {
    .api_version = MOVE_PLUGIN_API_VERSION_2,
    .create_instance = create_instance,
    .destroy_instance = destroy_instance,
    .on_midi = on_midi,
    .set_param = set_param,
    .get_param = get_param,
    .get_error = get_error,
    .render_block = render_block,
};

plugin_api_v2_t *move_plugin_init_v2(const host_api_v1_t *host)
{
    if (host == NULL || host->api_version != 1) return NULL;
    g_host = host;
    return &api;
}
