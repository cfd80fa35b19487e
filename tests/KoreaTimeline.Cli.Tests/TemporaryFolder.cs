using Microsoft.Data.Sqlite;

namespace KoreaTimeline.Cli.Tests;

/// <summary>A folder of its own under the temp folder with a timeline database path in it, deleted afterwards.</summary>
internal sealed class TemporaryFolder(string purpose) : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), purpose, Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>The connection string of <c>timeline.db</c> in the folder.</summary>
    public string Connection => $"Data Source={System.IO.Path.Combine(Path, "timeline.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
