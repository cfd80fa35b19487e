using KoreaTimeline.Data;
using KoreaTimeline.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaTimeline.Cli.Tests;

/// <summary><c>users add</c> and <c>users list</c> against a temporary database, run as the built command.</summary>
public sealed class UsersCommandTest : IDisposable
{
    private readonly TemporaryFolder temporary = new("koreatimeline-cli-users");

    private string Connection => temporary.Connection;

    public void Dispose() => temporary.Dispose();

    [Fact]
    public async Task The_first_admin_gets_a_password_from_stdin_and_an_editor_a_generated_one_shown_once()
    {
        var admin = await CliProcess.RunWithInputAsync("correct horse battery staple\n", "users", "add", "chief@example.org", "--role", "admin", "--db", Connection);
        var editor = await CliProcess.RunAsync("users", "add", "ed@example.org", "--role", "editor", "--generate-password", "--db", Connection);
        var list = await CliProcess.RunAsync("users", "list", "--db", Connection);

        Assert.True(admin.ExitCode == 0, admin.Stderr);
        Assert.DoesNotContain("Password", admin.Stdout, StringComparison.Ordinal);
        Assert.True(editor.ExitCode == 0, editor.Stderr);
        var generated = editor.Stdout.Split('\n').Single(l => l.StartsWith("Password (shown once): ", StringComparison.Ordinal))["Password (shown once): ".Length..].Trim();
        Assert.Equal(20, generated.Length);
        Assert.Contains("chief@example.org\tadmin", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("ed@example.org\teditor", list.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(generated, list.Stdout, StringComparison.Ordinal);

        // Both passwords are the ones stored (hashed), and the accounts are in their roles.
        await using var services = new ServiceCollection().AddLogging().AddTimelineData(Connection).AddTimelineAccounts().Services.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TimelineUser>>();
        var chief = await users.FindByEmailAsync("chief@example.org");
        var ed = await users.FindByEmailAsync("ed@example.org");
        Assert.True(await users.CheckPasswordAsync(chief!, "correct horse battery staple"));
        Assert.True(await users.CheckPasswordAsync(ed!, generated));
        Assert.True(await users.IsInRoleAsync(chief!, "admin"));
        Assert.False(await users.IsInRoleAsync(ed!, "admin"));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TimelineDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.All(await db.Users.Select(u => u.PasswordHash).ToListAsync(Xunit.TestContext.Current.CancellationToken),
            hash => Assert.DoesNotContain(generated, hash ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_role_a_short_password_and_a_second_account_for_one_address_are_refused()
    {
        var badRole = await CliProcess.RunAsync("users", "add", "x@example.org", "--role", "owner", "--generate-password", "--db", Connection);
        var shortPassword = await CliProcess.RunWithInputAsync("short\n", "users", "add", "y@example.org", "--role", "editor", "--db", Connection);
        var first = await CliProcess.RunAsync("users", "add", "z@example.org", "--role", "editor", "--generate-password", "--db", Connection);
        var again = await CliProcess.RunAsync("users", "add", "z@example.org", "--role", "admin", "--generate-password", "--db", Connection);

        Assert.NotEqual(0, badRole.ExitCode);
        Assert.Equal(1, shortPassword.ExitCode);
        Assert.Contains("12", shortPassword.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lock_unlock_and_remove_change_the_account_and_the_last_admin_stays()
    {
        await CliProcess.RunAsync("users", "add", "chief@example.org", "--role", "admin", "--generate-password", "--db", Connection);
        await CliProcess.RunAsync("users", "add", "ed@example.org", "--role", "editor", "--generate-password", "--db", Connection);

        var locked = await CliProcess.RunAsync("users", "lock", "ed@example.org", "--db", Connection);
        var lockedList = await CliProcess.RunAsync("users", "list", "--db", Connection);
        var unlocked = await CliProcess.RunAsync("users", "unlock", "ed@example.org", "--db", Connection);
        var lastAdmin = await CliProcess.RunAsync("users", "remove", "chief@example.org", "--db", Connection);
        var lastAdminLock = await CliProcess.RunAsync("users", "lock", "chief@example.org", "--db", Connection);
        var removed = await CliProcess.RunAsync("users", "remove", "ed@example.org", "--db", Connection);
        var unknown = await CliProcess.RunAsync("users", "lock", "nobody@example.org", "--db", Connection);
        var list = await CliProcess.RunAsync("users", "list", "--db", Connection);

        Assert.Equal((0, "Locked ed@example.org."), (locked.ExitCode, locked.Stdout.Trim()));
        Assert.Contains("ed@example.org\teditor\tlocked by an admin", lockedList.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, unlocked.ExitCode);
        Assert.Equal(1, lastAdmin.ExitCode);
        Assert.Contains("chief@example.org is the last active admin", lastAdmin.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, lastAdminLock.ExitCode);
        Assert.Equal((0, "Removed ed@example.org."), (removed.ExitCode, removed.Stdout.Trim()));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no account for nobody@example.org", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal("chief@example.org\tadmin", list.Stdout.Trim());
    }
}
