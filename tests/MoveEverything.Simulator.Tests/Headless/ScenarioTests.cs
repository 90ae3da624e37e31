using MoveEverything.Simulator.Headless;

namespace MoveEverything.Simulator.Tests.Headless;

public sealed class ScenarioTests
{
    [Fact]
    public void A_pad_becomes_a_cable_0_note_on_and_a_note_off_after_its_duration()
    {
        var scenario = Scenario.Parse("""{ "events": [ { "at_ms": 50, "type": "pad", "pad": 2, "velocity": 90, "duration_ms": 100 } ] }""").Scenario!;
        var packets = ScenarioControls.Compile(scenario);
        Assert.Equal([(50.0, 0x5A45_9009u), (150.0, 0x0045_8008u)], packets);
    }

    [Fact]
    public void Knob_deltas_are_relative_and_counter_clockwise_wraps_to_65_127()
    {
        var scenario = Scenario.Parse("""{ "events": [ { "at_ms": 0, "type": "knob", "knob": 1, "delta": -2 }, { "at_ms": 1, "type": "knob", "knob": 9, "delta": 3 } ] }""").Scenario!;
        var packets = ScenarioControls.Compile(scenario);
        Assert.Equal(ScenarioControls.Packet(0, 0xB0, 71, 126), packets[0].Packet);
        Assert.Equal(ScenarioControls.Packet(0, 0xB0, 79, 3), packets[1].Packet);
    }

    [Fact]
    public void Events_are_played_in_time_order_whatever_the_file_order()
    {
        var scenario = Scenario.Parse("""{ "events": [ { "at_ms": 500, "type": "touch", "knob": 9 }, { "at_ms": 10, "type": "button", "name": "shift" } ] }""").Scenario!;
        Assert.Equal(["button", "touch"], scenario.Events.Select(e => e.Type));
    }

    [Theory]
    [InlineData("""{ "events": [ { "at_ms": 0, "type": "pad", "pad": 40 } ] }""", "event 0 (pad): pad must be 1–32")]
    [InlineData("""{ "events": [ { "at_ms": 0, "type": "wiggle" } ] }""", "type must be")]
    [InlineData("""{ "events": [ { "at_ms": 0, "type": "button", "name": "nope" } ] }""", "shift")]
    [InlineData("""{ "evts": [] }""", "no \"events\"")]
    [InlineData("""{ "events": [ """, "not valid JSON")]
    public void A_bad_scenario_is_refused_with_the_event_and_the_problem(string json, string expected)
    {
        var load = Scenario.Parse(json);
        Assert.Null(load.Scenario);
        Assert.Contains(expected, load.Error);
    }
}
