using System.Security.Cryptography;
using KoreaTimeline.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KoreaTimeline.Data.Editing;

/// <summary>An account as <c>users list</c> and the admin page show it.</summary>
public sealed record AccountSummary(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? LockedOutUntil, int FailedAttempts)
{
    /// <summary>Locked by an admin (until unlocked), not for a while after failed attempts.</summary>
    public bool LockedByAdmin => LockedOutUntil is { } until && until >= UserAccounts.LockedForGood;

    /// <summary>The state in words: active, locked by an admin, or locked until a time after failed attempts.</summary>
    public string State => LockedByAdmin ? "locked by an admin"
        : LockedOutUntil is { } until ? FormattableString.Invariant($"locked until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC") : "active";
}

/// <summary>The outcome of creating an account: the password when it was generated (shown once), or the errors.</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors, string? GeneratedPassword = null)
{
    public static AccountResult Failed(params string[] errors) => new(false, errors);
}

/// <summary>
/// Creates, lists, locks, unlocks and removes editors' and admins' accounts (the CLI's <c>users</c> command and the admin page). There is no
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

    /// <summary>The lockout end of an account an admin locked: far enough to mean "until unlocked".</summary>
    public static readonly DateTimeOffset LockedForGood = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Locks an account until it is unlocked: it cannot sign in, and its open sessions stop being accepted (the security
    /// stamp changes, which the sign-in cookie's validation checks). The last active admin cannot be locked, nor can an
    /// admin lock the account they act from (<paramref name="actingUserId"/>).
    /// </summary>
    public async Task<AccountResult> LockAsync(string email, string? actingUserId = null)
    {
        var (user, refused) = await FindChangeableAsync(email, actingUserId, "lock");
        if (user is null)
        {
            return refused!;
        }
        if (user.LockoutEnd is { } end && end >= LockedForGood)
        {
            return AccountResult.Failed($"{user.Email} is already locked.");
        }
        await users.SetLockoutEnabledAsync(user, true);
        var locked = await users.SetLockoutEndDateAsync(user, LockedForGood);
        if (!locked.Succeeded)
        {
            return new AccountResult(false, locked.Errors.Select(e => e.Description).ToList());
        }
        await users.UpdateSecurityStampAsync(user);
        return new AccountResult(true, []);
    }

    /// <summary>Unlocks an account (locked by an admin or after failed attempts) and clears its failed attempts.</summary>
    public async Task<AccountResult> UnlockAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return AccountResult.Failed($"There is no account for {email.Trim()}.");
        }
        if (user.LockoutEnd is not { } end || end <= DateTimeOffset.UtcNow)
        {
            return AccountResult.Failed($"{user.Email} is not locked.");
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return new AccountResult(true, []);
    }

    /// <summary>
    /// Removes an account: it cannot sign in and its open sessions end (its user no longer exists). Its changes stay
    /// in the histories under the name they were made with. The last active admin cannot be removed, nor the account
    /// the admin acts from.
    /// </summary>
    public async Task<AccountResult> RemoveAsync(string email, string? actingUserId = null)
    {
        var (user, refused) = await FindChangeableAsync(email, actingUserId, "remove");
        if (user is null)
        {
            return refused!;
        }
        var deleted = await users.DeleteAsync(user);
        return deleted.Succeeded ? new AccountResult(true, []) : new AccountResult(false, deleted.Errors.Select(e => e.Description).ToList());
    }

    // The account to lock or remove, or why not: unknown, the acting admin's own, or the last active admin.
    private async Task<(TimelineUser? User, AccountResult? Refused)> FindChangeableAsync(string email, string? actingUserId, string verb)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return (null, AccountResult.Failed($"There is no account for {email.Trim()}."));
        }
        if (user.Id == actingUserId)
        {
            return (null, AccountResult.Failed($"You cannot {verb} your own account; ask another admin."));
        }
        if (await users.IsInRoleAsync(user, TimelineRoles.Admin))
        {
            var now = DateTimeOffset.UtcNow;
            var otherActiveAdmins = (await users.GetUsersInRoleAsync(TimelineRoles.Admin))
                .Count(u => u.Id != user.Id && (u.LockoutEnd is not { } end || end <= now));
            if (otherActiveAdmins == 0)
            {
                return (null, AccountResult.Failed($"{user.Email} is the last active admin: make another admin first."));
            }
        }
        return (user, null);
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
