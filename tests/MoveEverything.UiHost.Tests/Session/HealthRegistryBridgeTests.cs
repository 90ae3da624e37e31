using MoveEverything.Health;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.UiHost.Session;

namespace MoveEverything.UiHost.Tests.Session;

public class HealthRegistryBridgeTests
{
    [Fact]
    public void Repeated_faults_reach_the_registry_and_the_menu_shows_the_resulting_state()
    {
        using var h = new LoopHarness();
        h.AddModule("bad", "overtake", "globalThis.init = () => { throw new Error('x'); };", """, "capabilities": { "skip_led_clear": true }""");
        var registry = new ModuleHealthRegistry(new InMemoryModuleHealthStore(), HealthPolicy.Default, TimeProvider.System);
        var bridge = new HealthRegistryBridge(registry, "test");
        var loop = new UiHostLoop(h.Options, h.Link, h.Catalog, bridge, bridge, h.Log, h.DataRoot);
        loop.Start();

        loop.Open("bad");
        Assert.Equal(1, registry.StrikesOf("bad"));
        Assert.StartsWith("bad name", loop.Toast);
        var view = bridge.Describe("bad");
        Assert.NotEqual("running", view.Label);

        for (var i = 0; i < 5 && bridge.Describe("bad").MayOpen; i++) loop.Open("bad");
        Assert.False(bridge.Describe("bad").MayOpen); // the policy disabled it after repeated crashes
        Assert.Contains("disabled", bridge.Describe("bad").Label);
        var strikes = registry.StrikesOf("bad");
        loop.Open("bad"); // refused: no new strike, the toast explains
        Assert.Null(loop.Active);
        Assert.Equal(strikes, registry.StrikesOf("bad"));
        Assert.StartsWith("bad name: ", loop.Toast);
    }
}
