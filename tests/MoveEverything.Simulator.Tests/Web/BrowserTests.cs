using Microsoft.Playwright;
using MoveEverything.Hardware;
using MoveEverything.Simulator.Tests.Device;
using MoveEverything.Simulator.Web;

namespace MoveEverything.Simulator.Tests.Web;

/// <summary>
/// The page in headless Chromium (the system one, never the Playwright installer) against the web simulator,
/// a simulated Move on its device thread and the in-process fake engine on a realtime block clock.
/// </summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Clicking_a_pad_lights_its_led_changes_the_display_and_audio_arrives()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (./test does this)");
        using var rig = new DeviceRig(clock: BlockClock.Realtime());
        using var engine = new FakeEngine(rig.Transport);
        rig.Move.Start();
        engine.Start();
        await using var web = await WebSimulator.StartAsync(rig.Move, new WebSimulatorOptions { Port = 0 });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required"],
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(web.Url.ToString());
        await page.WaitForFunctionAsync("() => document.body.dataset.connected === 'true' && Number(document.body.dataset.displayFrames) > 0");

        var pad = page.Locator(".pad[data-pad='12']");
        Assert.Equal("0", await pad.GetAttributeAsync("data-led"));
        string litBefore = await page.Locator("#display").GetAttributeAsync("data-lit") ?? "";
        string backgroundBefore = await pad.EvaluateAsync<string>("el => getComputedStyle(el).backgroundColor");

        await pad.ClickAsync();

        await page.WaitForFunctionAsync($"() => document.querySelector(\".pad[data-pad='12']\").dataset.led === '{FakeEngine.LitColour}'");
        await page.WaitForFunctionAsync($"() => document.getElementById('display').dataset.lit !== '{litBefore}'");
        await page.WaitForFunctionAsync("() => Number(document.body.dataset.audioFrames) >= 4096 && Number(document.body.dataset.audioPeak) > 1000");
        string backgroundAfter = await pad.EvaluateAsync<string>("el => getComputedStyle(el).backgroundColor");
        Assert.NotEqual(backgroundBefore, backgroundAfter);
        Assert.Equal("rgb(0, 255, 0)", backgroundAfter); // palette 8, BrightGreen
        Assert.Equal(1, engine.NotesReceived);
    }
}
