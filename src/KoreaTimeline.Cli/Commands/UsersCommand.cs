using System.CommandLine;
using KoreaTimeline.Data;
using KoreaTimeline.Data.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KoreaTimeline.Cli.Commands;

/// <summary>
/// <c>koreatimeline users add EMAIL --role admin|editor</c>, <c>users list</c>, <c>users lock|unlock|remove EMAIL</c>:
/// the accounts of editors and admins.
/// The password is read from standard input when it is redirected (<c>echo ... | koreatimeline users add ...</c>);
/// otherwise (or with <c>--generate-password</c>) a random one is generated and printed once. There is no other way to create the first admin.
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var database = ImportCommand.DatabaseOption();
        var email = new Argument<string>("email") { Description = "The account's e-mail address (also its user name)." };
        var role = new Option<string>("--role")
        {
            Description = "editor (corrects events) or admin (also manages accounts).",
            Required = true,
        };
        role.AcceptOnlyFromAmong([.. TimelineRoles.All]);
        var name = new Option<string?>("--name") { Description = "The name shown in the public history of changes (default: the part of the address before @)." };
        var generate = new Option<bool>("--generate-password") { Description = "Generate a password and print it once, even when standard input is redirected." };
        var add = new Command("add", "Create an account; the password comes from standard input, or a generated one is printed once.") { database, email, role, name, generate };
        add.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await StartAsync(parseResult.GetRequiredValue(database), cancellationToken);
            string? password = null;
            if (Console.IsInputRedirected && !parseResult.GetValue(generate))
            {
                password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
                if (string.IsNullOrEmpty(password))
                {
                    await Console.Error.WriteLineAsync("No password on standard input; give one, or run without redirected input to generate one.");
                    return 1;
                }
            }
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            var address = parseResult.GetRequiredValue(email);
            var roleName = parseResult.GetRequiredValue(role);
            var result = await accounts.AddAsync(address, roleName, password, parseResult.GetValue(name));
            if (!result.Succeeded)
            {
                return await FailedAsync(result);
            }
            Console.WriteLine($"Created {roleName} {address}.");
            if (result.GeneratedPassword is { } generated)
            {
                Console.WriteLine($"Password (shown once): {generated}");
            }
            return 0;
        });

        var listDatabase = ImportCommand.DatabaseOption();
        var list = new Command("list", "List the accounts with their roles and lockout state.") { listDatabase };
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await StartAsync(parseResult.GetRequiredValue(listDatabase), cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var accounts = await scope.ServiceProvider.GetRequiredService<UserAccounts>().ListAsync();
            foreach (var account in accounts)
            {
                var locked = account.LockedOutUntil is null ? "" : $"\t{account.State}";
                Console.WriteLine($"{account.Email}\t{string.Join(",", account.Roles)}{locked}");
            }
            if (accounts.Count == 0)
            {
                Console.WriteLine("No accounts yet: create the first admin with `koreatimeline users add EMAIL --role admin`.");
            }
            return 0;
        });

        var lockCommand = AccountAction("lock", "Lock an account until it is unlocked: it cannot sign in and its open sessions end.",
            "Locked", (accounts, address) => accounts.LockAsync(address));
        var unlock = AccountAction("unlock", "Unlock an account (locked by an admin or after failed attempts).",
            "Unlocked", (accounts, address) => accounts.UnlockAsync(address));
        var remove = AccountAction("remove", "Remove an account; its changes stay in the histories under its name.",
            "Removed", (accounts, address) => accounts.RemoveAsync(address));
        return new Command("users", "Accounts of editors and admins.") { add, list, lockCommand, unlock, remove };
    }

    // `users lock|unlock|remove EMAIL`: one account action, its outcome on standard output or its refusal on standard error.
    private static Command AccountAction(string name, string description, string done, Func<UserAccounts, string, Task<AccountResult>> action)
    {
        var database = ImportCommand.DatabaseOption();
        var email = new Argument<string>("email") { Description = "The account's e-mail address." };
        var command = new Command(name, description) { database, email };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await StartAsync(parseResult.GetRequiredValue(database), cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var address = parseResult.GetRequiredValue(email);
            var result = await action(scope.ServiceProvider.GetRequiredService<UserAccounts>(), address);
            if (!result.Succeeded)
            {
                return await FailedAsync(result);
            }
            Console.WriteLine($"{done} {address.Trim()}.");
            return 0;
        });
        return command;
    }

    private static async Task<int> FailedAsync(AccountResult result)
    {
        foreach (var error in result.Errors)
        {
            await Console.Error.WriteLineAsync(error);
        }
        return 1;
    }

    private static async Task<ServiceProvider> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        var services = CliServices.Build(connectionString);
        var logger = services.GetRequiredService<ILogger<UserAccounts>>();
        await TimelineDatabase.InitializeAsync(services.GetRequiredService<IDbContextFactory<TimelineDbContext>>(), logger, cancellationToken);
        return services;
    }
}
