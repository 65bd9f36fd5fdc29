using Icp.Cli;
using Icp.Cli.Terminal;
using Icp.TestSupport;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Icp.Browser.Tests;

/// <summary>
/// The HTML report opened in a real headless Chromium: it renders its charts and logs no console error.
/// Set ICP_UPDATE_SCREENSHOT=1 to refresh docs/images/report.png from the run.
/// </summary>
public sealed class HtmlReportInBrowserTests
{
    private const string Chromium = "/usr/bin/chromium", ChromeDriver = "/usr/bin/chromedriver";

    private static ChromeDriver Start()
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
            Assert.Skip("Chromium UNAVAILABLE, browser test not run: apt-get install chromium chromium-driver (.ci/run does)");
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1100,3300", "--hide-scrollbars");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        // The driver is given by path, so Selenium Manager never looks for (or downloads) one.
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static string WriteReport(TempDirectory dir)
    {
        var path = dir.File("report.html");
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, errorIsTerminal: false, TimeProvider.System, color: false);
        var exit = IcpCommand.Run([
            "report", "-p", Repository.File("samples", "profiles", "maven-mid-market.yaml"),
            "-d", Repository.SharedData("maven_crm_sales_opportunities", "accounts.csv"),
            "--outcomes", Repository.SharedData("maven_crm_sales_opportunities", "sales_pipeline.csv"),
            "--as-of", "2026-06-30", "--html", path], console);
        Assert.True(exit == 0, $"{output}\n{error}");
        return path;
    }

    [Fact]
    public void Report_renders_its_charts_without_console_errors()
    {
        using var dir = new TempDirectory();
        var path = WriteReport(dir);
        using var driver = Start();
        driver.Navigate().GoToUrl(new Uri(path).AbsoluteUri);

        Assert.Equal("ICP report: maven-mid-market v1", driver.Title);
        Assert.StartsWith("in-ICP does not outperform on any metric", driver.FindElement(By.Id("verdict")).Text);
        var charts = driver.FindElements(By.TagName("svg"));
        Assert.Equal(4, charts.Count);
        Assert.All(charts, c => Assert.True(c.Size.Width > 300 && c.Size.Height > 100, $"chart drawn at {c.Size}"));
        Assert.True(driver.FindElements(By.CssSelector("svg rect")).Count >= 14, "bars are drawn");
        Assert.Equal(2, driver.FindElements(By.CssSelector("svg polyline")).Count);

        var problems = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => $"{p.Level}: {p.Message}")));

        var shot = ((ITakesScreenshot)driver).GetScreenshot();
        var png = dir.File("report.png");
        shot.SaveAsFile(png);
        Assert.True(new FileInfo(png).Length > 10_000);
        if (Environment.GetEnvironmentVariable("ICP_UPDATE_SCREENSHOT") == "1")
            File.Copy(png, Repository.File("docs", "images", "report.png"), overwrite: true);
    }

    [Fact]
    public void Console_errors_would_be_seen()
    {
        // The control for the check above: a page that logs an error must show up in the captured log.
        using var dir = new TempDirectory();
        var page = dir.Write("broken.html", "<!DOCTYPE html><html><head><title>x</title></head><body><script>console.error('deliberate');</script></body></html>");
        using var driver = Start();
        driver.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        Assert.Contains(driver.Manage().Logs.GetLog(LogType.Browser), e => e.Level == LogLevel.Severe && e.Message.Contains("deliberate", StringComparison.Ordinal));
    }
}
