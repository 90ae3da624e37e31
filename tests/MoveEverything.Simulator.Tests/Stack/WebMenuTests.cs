using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Playwright;

namespace MoveEverything.Simulator.Tests.Stack;

/// <summary>
/// The real stack behind the web page: `mev sim --port P` (supervisor, engine, UI host with the built-in modules,
/// simulated Move, web simulator) in headless Chromium. The page exposes the FNV-1a hash of the last display frame
/// as <c>#display[data-hash]</c>, so the test sees the menu move without reading pixels.
/// </summary>
public sealed class WebMenuTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _data = Directory.CreateTempSubdirectory("mev-web-e2e-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Turning_the_jog_moves_the_menu_and_opening_the_step_sequencer_changes_the_display()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (./test does this)");
        int port = FreePort();
        using var mev = StartSim(port);
        try
        {
            await WaitForPage(port, mev);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium, Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            await page.GotoAsync($"http://127.0.0.1:{port}/");
            // The menu is drawn once the UI host is attached: a frame with lit pixels.
            await page.WaitForFunctionAsync("() => document.body.dataset.connected === 'true' && Number(document.getElementById('display').dataset.lit) > 0");

            string root = await Hash(page);
            await TurnJog(page, 1);
            await WaitForHashOtherThan(page, root);
            await TurnJog(page, 2);                // → Overtake (index 3)
            await ClickJog(page);                  // → Overtake page
            await ClickJog(page);                  // → MEV Step Sequencer page
            await TurnJog(page, 2);                // → Open
            await WaitForStatus(s => s.GetProperty("view").GetString() == "menu", mev);
            string menu = await Hash(page);
            await ClickJog(page);                  // open the module
            await WaitForStatus(s => s.GetProperty("module").ValueKind == JsonValueKind.String && s.GetProperty("module").GetString() == "mev-stepseq", mev);
            await WaitForHashOtherThan(page, menu);
        }
        finally
        {
            Stop(mev);
        }
    }

    private Process StartSim(int port)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "mev"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "sim", "--port", port.ToString(), "--ui-modules", RepoPaths.Modules, "--data", _data }) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForPage(int port, Process mev)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            Assert.False(mev.HasExited, $"mev sim exited ({(mev.HasExited ? mev.ExitCode : 0)})");
            try { if ((await http.GetAsync($"http://127.0.0.1:{port}/")).IsSuccessStatusCode) return; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        Assert.Fail("the web simulator did not answer");
    }

    /// <summary>The UI host's status file (UiStatusFile) in the data folder given to mev sim.</summary>
    private async Task WaitForStatus(Func<JsonElement, bool> condition, Process mev)
    {
        string path = Path.Combine(_data, $"uihost-status-{mev.Id}.json");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try { if (File.Exists(path) && condition(JsonDocument.Parse(File.ReadAllText(path)).RootElement)) return; }
            catch (Exception e) when (e is IOException or JsonException) { }
            await Task.Delay(100);
        }
        Assert.Fail("UI host status never matched: " + (File.Exists(path) ? File.ReadAllText(path) : "no status file"));
    }

    private static Task<string> Hash(IPage page) => page.EvaluateAsync<string>("() => document.getElementById('display').dataset.hash || ''");

    private static Task WaitForHashOtherThan(IPage page, string hash) =>
        page.WaitForFunctionAsync($"() => (document.getElementById('display').dataset.hash || '') !== '{hash}'");

    private static async Task TurnJog(IPage page, int detents)
    {
        for (int i = 0; i < detents; i++)
        {
            await page.EvaluateAsync("() => document.getElementById('jogKnob').dispatchEvent(new WheelEvent('wheel', { deltaY: -1, cancelable: true }))");
            await Task.Delay(150);
        }
    }

    private static async Task ClickJog(IPage page)
    {
        await page.Locator("#jogKnob").DblClickAsync();
        await Task.Delay(400);
    }

    private static void Stop(Process mev)
    {
        if (mev.HasExited) return;
        using (var kill = Process.Start("kill", ["-INT", mev.Id.ToString()])) kill.WaitForExit();
        if (!mev.WaitForExit(15_000)) mev.Kill(entireProcessTree: true);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
