using System.Diagnostics;
using System.Net;
using KoreaTimeline.Data;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Web.Tests.Hardening;

/// <summary>
/// The app started on a seeds folder holding a symlink loop, a <c>..</c> link, a link to <c>/dev/zero</c> and a FIFO
/// named <c>x.txt</c>: it imports the one real article, refuses the rest, and listens.
/// </summary>
public sealed class HostileSeedsTest
{
    private sealed class HostileSeedsAppFactory : TimelineAppFactory
    {
        protected override bool SeedSample => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var seed = Directory.EnumerateFiles(RepositoryPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).First();
            File.Copy(seed, Path.Combine(SeedsPath, "real.txt"), overwrite: true);
            var nested = Directory.CreateDirectory(Path.Combine(SeedsPath, "nested")).FullName;
            Directory.CreateSymbolicLink(Path.Combine(nested, "loop"), nested);
            Directory.CreateSymbolicLink(Path.Combine(SeedsPath, "up"), "..");
            File.CreateSymbolicLink(Path.Combine(SeedsPath, "zero.txt"), "/dev/zero");
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [Path.Combine(SeedsPath, "x.txt")]) { UseShellExecute = false })!;
            mkfifo.WaitForExit();
        }
    }

    [Fact]
    public async Task The_app_starts_imports_the_real_article_and_listens()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "symlinks and FIFOs need a Unix file system");
        var cancellation = Xunit.TestContext.Current.CancellationToken;
        await using var app = new HostileSeedsAppFactory();
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var start = Task.Run(app.StartServer, cancellation);
        Assert.Same(start, await Task.WhenAny(start, Task.Delay(TimeSpan.FromSeconds(90), cancellation)));
        await start;

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TimelineDbContext>>().CreateDbContextAsync(cancellation);
        Assert.Equal(["real.txt"], await db.Articles.Select(a => a.Source).ToListAsync(cancellation));
    }
}
