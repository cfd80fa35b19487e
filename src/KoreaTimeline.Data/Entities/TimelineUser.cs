using Microsoft.AspNetCore.Identity;

namespace KoreaTimeline.Data.Entities;

/// <summary>An editor's or admin's account (ASP.NET Core Identity); there is no self-registration.</summary>
public class TimelineUser : IdentityUser
{
    /// <summary>The name shown beside the user's changes in an event's public history (never the e-mail address).</summary>
    public string? DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
