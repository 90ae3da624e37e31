/*
 * move_plugin_abi.h — the native plugin C ABI of Move Everything, written from
 * ../shared/reference/schwung-spec.md §2 (layouts for LP64: x86-64 and aarch64).
 *
 * One header for every struct so our own plugins, the faulty test plugins and the
 * layout probe (native/abi/abi_layout.c) agree with the C# mirror in
 * src/MoveEverything.Engine/Abi/. Structs only ever grow by appending fields;
 * the host zeroes host_api_v1_t first, so every callback may be NULL.
 */
#ifndef MOVE_PLUGIN_ABI_H
#define MOVE_PLUGIN_ABI_H

#include <stdint.h>

#define MOVE_PLUGIN_API_VERSION      1
#define MOVE_PLUGIN_API_VERSION_2    2
#define MOVE_SAMPLE_RATE             44100
#define MOVE_FRAMES_PER_BLOCK        128
#define MOVE_AUDIO_OUT_OFFSET        256
#define MOVE_AUDIO_IN_OFFSET         2304
#define MOVE_AUDIO_BYTES_PER_BLOCK   512

#define MOVE_MIDI_SOURCE_INTERNAL      0
#define MOVE_MIDI_SOURCE_EXTERNAL      2
#define MOVE_MIDI_SOURCE_HOST          3
#define MOVE_MIDI_SOURCE_FX_BROADCAST  4

#define MOVE_CLOCK_STATUS_UNAVAILABLE  0
#define MOVE_CLOCK_STATUS_STOPPED      1
#define MOVE_CLOCK_STATUS_RUNNING      2

#define AUDIO_FX_API_VERSION    1
#define AUDIO_FX_API_VERSION_2  2
#define MIDI_FX_API_VERSION     1
#define MIDI_FX_MAX_OUT_MSGS    16

/* host -> plugin, 112 bytes */
typedef struct host_api_v1 {
    uint32_t api_version;                 /* 0  : always 1 */
    int sample_rate;                      /* 4  */
    int frames_per_block;                 /* 8  */
    uint8_t *mapped_memory;               /* 16 : NULL unless the user consented */
    int audio_out_offset;                 /* 24 */
    int audio_in_offset;                  /* 28 */
    void (*log)(const char *msg);         /* 32 */
    int (*midi_send_internal)(const uint8_t *msg, int len);  /* 40 */
    int (*midi_send_external)(const uint8_t *msg, int len);  /* 48 */
    int (*get_clock_status)(void);        /* 56 */
    int (*mod_emit_value)(void *ctx, const char *source_id, const char *target,
                          const char *param, float signal, float depth, float offset,
                          int bipolar, int enabled);          /* 64 */
    void (*mod_clear_source)(void *ctx, const char *source_id); /* 72 */
    void *mod_host_ctx;                   /* 80 */
    float (*get_bpm)(void);               /* 88 */
    int (*midi_inject_to_move)(const uint8_t *msg, int len); /* 96 */
    int (*slot_recv_channel)(void *instance);                /* 104 */
} host_api_v1_t;

/* legacy singleton synth, 64 bytes */
typedef struct plugin_api_v1 {
    uint32_t api_version;
    int (*on_load)(const char *module_dir, const char *json_defaults);
    void (*on_unload)(void);
    void (*on_midi)(const uint8_t *msg, int len, int source);
    void (*set_param)(const char *key, const char *val);
    int (*get_param)(const char *key, char *buf, int buf_len);
    int (*get_error)(char *buf, int buf_len);
    void (*render_block)(int16_t *out_lr, int frames);
} plugin_api_v1_t;

/* instance-based synth, 64 bytes */
typedef struct plugin_api_v2 {
    uint32_t api_version;
    void *(*create_instance)(const char *module_dir, const char *json_defaults);
    void (*destroy_instance)(void *instance);
    void (*on_midi)(void *instance, const uint8_t *msg, int len, int source);
    void (*set_param)(void *instance, const char *key, const char *val);
    int (*get_param)(void *instance, const char *key, char *buf, int buf_len);
    int (*get_error)(void *instance, char *buf, int buf_len);
    void (*render_block)(void *instance, int16_t *out_lr, int frames);
} plugin_api_v2_t;

/* audio FX v1 (declared, unused by loaders), 48 bytes */
typedef struct audio_fx_api_v1 {
    uint32_t api_version;
    int (*on_load)(const char *module_dir, const char *config_json);
    void (*on_unload)(void);
    void (*process_block)(int16_t *inout_lr, int frames);
    void (*set_param)(const char *key, const char *val);
    int (*get_param)(const char *key, char *buf, int buf_len);
} audio_fx_api_v1_t;

/* audio FX v2, 56 bytes */
typedef struct audio_fx_api_v2 {
    uint32_t api_version;
    void *(*create_instance)(const char *module_dir, const char *config_json);
    void (*destroy_instance)(void *instance);
    void (*process_block)(void *instance, int16_t *inout_lr, int frames);
    void (*set_param)(void *instance, const char *key, const char *val);
    int (*get_param)(void *instance, const char *key, char *buf, int buf_len);
    void (*on_midi)(void *instance, const uint8_t *msg, int len, int source); /* may be NULL */
} audio_fx_api_v2_t;

/* MIDI FX v1, 56 bytes */
typedef struct midi_fx_api_v1 {
    uint32_t api_version;
    void *(*create_instance)(const char *module_dir, const char *config_json);
    void (*destroy_instance)(void *instance);
    int (*process_midi)(void *instance, const uint8_t *in_msg, int in_len,
                        uint8_t out_msgs[][3], int out_lens[], int max_out);
    int (*tick)(void *instance, int frames, int sample_rate,
                uint8_t out_msgs[][3], int out_lens[], int max_out);
    void (*set_param)(void *instance, const char *key, const char *val);
    int (*get_param)(void *instance, const char *key, char *buf, int buf_len);
} midi_fx_api_v1_t;

/* entry points (exported by plugins) */
typedef plugin_api_v2_t   *(*move_plugin_init_v2_fn)(const host_api_v1_t *host);
typedef plugin_api_v1_t   *(*move_plugin_init_v1_fn)(const host_api_v1_t *host);
typedef audio_fx_api_v2_t *(*move_audio_fx_init_v2_fn)(const host_api_v1_t *host);
typedef audio_fx_api_v1_t *(*move_audio_fx_init_v1_fn)(const host_api_v1_t *host);
typedef midi_fx_api_v1_t  *(*move_midi_fx_init_fn)(const host_api_v1_t *host);
typedef void (*move_audio_fx_on_midi_fn)(void *instance, const uint8_t *msg, int len, int source);

#endif
