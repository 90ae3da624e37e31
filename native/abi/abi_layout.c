/*
 * abi_layout.so: answers "what does the C compiler think the layout is?" for the ABI tests.
 * mev_abi_layout("host_api_v1_t") -> sizeof, mev_abi_layout("host_api_v1_t.get_bpm") -> offsetof,
 * -1 for an unknown name. Built from native/include/move_plugin_abi.h, the same header our plugins use.
 */
#include <stddef.h>
#include <string.h>
#include "move_plugin_abi.h"

#define SIZE(T) { #T, sizeof(T) }
#define OFF(T, F) { #T "." #F, offsetof(T, F) }

static const struct { const char *name; size_t value; } table[] = {
    SIZE(host_api_v1_t),
    OFF(host_api_v1_t, api_version), OFF(host_api_v1_t, sample_rate), OFF(host_api_v1_t, frames_per_block),
    OFF(host_api_v1_t, mapped_memory), OFF(host_api_v1_t, audio_out_offset), OFF(host_api_v1_t, audio_in_offset),
    OFF(host_api_v1_t, log), OFF(host_api_v1_t, midi_send_internal), OFF(host_api_v1_t, midi_send_external),
    OFF(host_api_v1_t, get_clock_status), OFF(host_api_v1_t, mod_emit_value), OFF(host_api_v1_t, mod_clear_source),
    OFF(host_api_v1_t, mod_host_ctx), OFF(host_api_v1_t, get_bpm), OFF(host_api_v1_t, midi_inject_to_move),
    OFF(host_api_v1_t, slot_recv_channel),
    SIZE(plugin_api_v1_t),
    OFF(plugin_api_v1_t, api_version), OFF(plugin_api_v1_t, on_load), OFF(plugin_api_v1_t, on_unload),
    OFF(plugin_api_v1_t, on_midi), OFF(plugin_api_v1_t, set_param), OFF(plugin_api_v1_t, get_param),
    OFF(plugin_api_v1_t, get_error), OFF(plugin_api_v1_t, render_block),
    SIZE(plugin_api_v2_t),
    OFF(plugin_api_v2_t, api_version), OFF(plugin_api_v2_t, create_instance), OFF(plugin_api_v2_t, destroy_instance),
    OFF(plugin_api_v2_t, on_midi), OFF(plugin_api_v2_t, set_param), OFF(plugin_api_v2_t, get_param),
    OFF(plugin_api_v2_t, get_error), OFF(plugin_api_v2_t, render_block),
    SIZE(audio_fx_api_v1_t),
    OFF(audio_fx_api_v1_t, api_version), OFF(audio_fx_api_v1_t, on_load), OFF(audio_fx_api_v1_t, on_unload),
    OFF(audio_fx_api_v1_t, process_block), OFF(audio_fx_api_v1_t, set_param), OFF(audio_fx_api_v1_t, get_param),
    SIZE(audio_fx_api_v2_t),
    OFF(audio_fx_api_v2_t, api_version), OFF(audio_fx_api_v2_t, create_instance),
    OFF(audio_fx_api_v2_t, destroy_instance), OFF(audio_fx_api_v2_t, process_block),
    OFF(audio_fx_api_v2_t, set_param), OFF(audio_fx_api_v2_t, get_param), OFF(audio_fx_api_v2_t, on_midi),
    SIZE(midi_fx_api_v1_t),
    OFF(midi_fx_api_v1_t, api_version), OFF(midi_fx_api_v1_t, create_instance),
    OFF(midi_fx_api_v1_t, destroy_instance), OFF(midi_fx_api_v1_t, process_midi), OFF(midi_fx_api_v1_t, tick),
    OFF(midi_fx_api_v1_t, set_param), OFF(midi_fx_api_v1_t, get_param),
};

long mev_abi_layout(const char *name)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].name, name) == 0) return (long)table[i].value;
    return -1;
}
