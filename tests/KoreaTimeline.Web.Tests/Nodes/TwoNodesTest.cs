using System.Net;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Editing;
using KoreaTimeline.Data.Import;
using KoreaTimeline.Data.Queries;
using KoreaTimeline.Tests.Shared;
using KoreaTimeline.Web.Tests.Editing;
using KoreaTimeline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KoreaTimeline.Web.Tests.Nodes;

/// <summary>
/// Two web nodes on one PostgreSQL database, as behind a load balancer: what one imports reaches the other's open pages
/// (LISTEN/NOTIFY), and a login cookie made by one is valid on the other (Data Protection keys in the database).
/// </summary>
public sealed class TwoNodesTest : IAsyncLifetime
{
    private const string Email = "node.editor@example.org";
    private const string Password = "a long sample password";

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    private EmptyTimelineAppFactory nodeA = null!;
    private EmptyTimelineAppFactory nodeB = null!;

    public async ValueTask InitializeAsync()
    {
        PostgresServer.SkipUnlessInstalled();
        nodeA = new EmptyTimelineAppFactory { Provider = DatabaseProvider.Postgres };
        await nodeA.InitializeAsync();
        nodeB = new EmptyTimelineAppFactory { Provider = DatabaseProvider.Postgres, SharedDatabase = nodeA.ConnectionString };
        await nodeB.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (nodeB is not null)
        {
            await nodeB.DisposeAsync();
        }
        if (nodeA is not null)
        {
            await nodeA.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_import_on_one_node_updates_the_other_nodes_pages()
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        nodeB.Services.GetRequiredService<TimelineChanges>().Changed += () => changed.TrySetResult();
        var queriesB = nodeB.Services.GetRequiredService<TimelineQueries>();
        Assert.Equal(0, (await queriesB.GetPageAsync(new TimelineFilter(), Cancellation)).Total);

        await ListenersAsync(2);

        var folder = Directory.CreateTempSubdirectory("koreatimeline-node-a-").FullName;
        ArticleImportResult imported;
        try
        {
            var file = Path.Combine(folder, "launch.txt");
            await File.WriteAllTextAsync(file,
                "SEOUL, March 3, 2025 - North Korea fired a ballistic missile into the sea near Wonsan on Sunday, the military said.\n", Cancellation);
            imported = await nodeA.Services.GetRequiredService<ArticleImporter>().ImportFileAsync(file, "launch.txt", Cancellation);
            Assert.True(imported.Events > 0, "the article states an event");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // Node B hears of it from PostgreSQL, not from node A's process.
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(15), Cancellation);
        var page = await queriesB.GetPageAsync(new TimelineFilter { Query = "wonsan" }, Cancellation);
        Assert.Equal(imported.Events, page.Total);
        Assert.Contains(page.Items, i => i.Event.Title.Contains("missile", StringComparison.OrdinalIgnoreCase));
        var html = await nodeB.CreateClient().GetStringAsync("/?q=wonsan", Cancellation);
        Assert.Contains("search-match", html, StringComparison.Ordinal);
    }

    /// <summary>Waits until <paramref name="count"/> sessions listen on the database (each node's listener starts in the background).</summary>
    private async Task ListenersAsync(int count)
    {
        await using var connection = new NpgsqlConnection(nodeA.ConnectionString);
        await connection.OpenAsync(Cancellation);
        for (var attempt = 0; attempt < 150; attempt++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'", connection);
            if ((int)(await command.ExecuteScalarAsync(Cancellation))! >= count)
            {
                return;
            }
            await Task.Delay(100, Cancellation);
        }
        Assert.Fail($"{count} nodes never listened for changes.");
    }

    [Fact]
    public async Task A_login_cookie_made_by_one_node_is_valid_on_the_other()
    {
        await using (var scope = nodeA.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(Email, TimelineRoles.Admin, Password, "Node")).Succeeded);
        }
        var clientA = nodeA.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await EditorsAppFactory.PostFormAsync(clientA, "/account/login", "login", new() { ["Input.Email"] = Email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("kt.auth", StringComparison.Ordinal));

        var clientB = nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var anonymous = await clientB.GetAsync("/admin/users", Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/users");
        request.Headers.Add("Cookie", cookie);
        var signedIn = await clientB.SendAsync(request, Cancellation);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains(Email, await signedIn.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }
}
