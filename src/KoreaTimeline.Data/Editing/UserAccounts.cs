using System.Security.Cryptography;
using KoreaTimeline.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Editing;

/// <summary>An account as <c>users list</c> and the admin page show it.</summary>
public sealed record AccountSummary(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? LockedOutUntil, int FailedAttempts);

/// <summary>The outcome of creating an account: the password when it was generated (shown once), or the errors.</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors, string? GeneratedPassword = null)
{
    public static AccountResult Failed(params string[] errors) => new(false, errors);
}

/// <summary>
/// Creates and lists editors' and admins' accounts (the CLI's <c>users</c> command and the admin page). There is no
/// self-registration: an admin, or whoever runs the CLI on the server, creates every account.
/// </summary>
public sealed class UserAccounts(UserManager<TimelineUser> users, RoleManager<IdentityRole> roles)
{
    /// <summary>The password policy and lockout of every account (web and CLI).</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>
    /// Creates an account with the e-mail address as its user name, in <paramref name="role"/> (created when missing).
    /// Without <paramref name="password"/> a random one is generated and returned once.
    /// </summary>
    public async Task<AccountResult> AddAsync(string email, string role, string? password, string? displayName = null)
    {
        email = email.Trim();
        if (!TimelineRoles.All.Contains(role))
        {
            return AccountResult.Failed($"The role must be {string.Join(" or ", TimelineRoles.All)}.");
        }
        if (email.Length is 0 or > 256 || email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Any(char.IsWhiteSpace))
        {
            return AccountResult.Failed($"'{email}' is not an e-mail address.");
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return AccountResult.Failed($"An account for {email} already exists.");
        }
        var generated = password is null ? GeneratePassword() : null;
        await EnsureRolesAsync();
        var user = new TimelineUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email[..email.IndexOf('@', StringComparison.Ordinal)] : displayName.Trim(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, password ?? generated!);
        if (!created.Succeeded)
        {
            return new AccountResult(false, created.Errors.Select(e => e.Description).ToList());
        }
        var inRole = await users.AddToRoleAsync(user, role);
        if (!inRole.Succeeded)
        {
            await users.DeleteAsync(user);
            return new AccountResult(false, inRole.Errors.Select(e => e.Description).ToList());
        }
        return new AccountResult(true, [], generated);
    }

    /// <summary>Every account with its roles and lockout state, by e-mail address.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var result = new List<AccountSummary>(all.Count);
        foreach (var user in all)
        {
            var userRoles = await users.GetRolesAsync(user);
            var locked = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : (DateTimeOffset?)null;
            result.Add(new AccountSummary(user.Id, user.Email ?? "", user.DisplayName, userRoles.Order(StringComparer.Ordinal).ToList(), locked, user.AccessFailedCount));
        }
        return result;
    }

    /// <summary>Creates the roles that do not exist yet.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in TimelineRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>A random password of 20 letters and digits (about 119 bits).</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
