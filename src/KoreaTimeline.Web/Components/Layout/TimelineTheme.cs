using MudBlazor;

namespace KoreaTimeline.Web.Components.Layout;

/// <summary>The app's MudBlazor theme: quiet colours and system fonts (the app runs offline).</summary>
public static class TimelineTheme
{
    /// <summary>The theme given to <see cref="MudThemeProvider"/>.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f3a5f",
            Secondary = "#8a3b12",
            AppbarBackground = "#1f3a5f",
            Background = "#f7f7f5",
            // Darker than MudBlazor's defaults so text on chips and secondary text pass WCAG AA contrast.
            TextSecondary = "rgba(0,0,0,0.70)",
            Success = "#1b6e3a",
            Warning = "#8a4b00",
            Error = "#b3261e",
            Info = "#1d5fa8",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9cc3f0",
            Secondary = "#f0a57a",
            AppbarBackground = "#16263b",
            Background = "#121417",
            Surface = "#1c1f24",
            TextSecondary = "#c2c7cf",
            PrimaryContrastText = "#0b1a2b",
            Success = "#7bd88f",
            Warning = "#ffb74d",
            Error = "#ff8a80",
            Info = "#90caf9",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "DejaVu Sans", "sans-serif"],
            },
        },
    };
}
