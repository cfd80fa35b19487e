namespace KoreaTimeline.Data.Import;

/// <summary>A path the folder walk did not import, and why (a link to a folder, a folder it could not list).</summary>
public sealed record RefusedPath(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}

/// <summary>The article files of a folder and the paths refused on the way.</summary>
public sealed record FolderScan(IReadOnlyList<(string Path, string Source)> Articles, IReadOnlyList<RefusedPath> Refused);

/// <summary>
/// Walks an import folder (or <c>seeds/</c>) without ever following a link to a folder: a link loop, a <c>..</c> link
/// or a link to <c>/</c> cannot make the walk endless or visit a file twice. Links to files are listed like files;
/// <see cref="ArticleFileReader"/> then opens only regular files. Every link to a folder and every folder that cannot
/// be listed is named in <see cref="FolderScan.Refused"/>.
/// </summary>
public static class ArticleFolder
{
    /// <summary>Folders deeper than this are not entered (a real article tree is a few levels deep).</summary>
    public const int MaxDepth = 32;

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Files under <paramref name="folder"/> (recursively, ordinal path order) that <paramref name="include"/> accepts.</summary>
    public static FolderScan Scan(string folder, Func<string, bool> include)
    {
        var files = new List<string>();
        var refused = new List<RefusedPath>();
        var pending = new Stack<(string Path, int Depth)>();
        pending.Push((folder, 0));
        while (pending.Count > 0)
        {
            var (directory, depth) = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", OneLevel).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                refused.Add(new RefusedPath(directory, $"folder could not be listed ({e.Message})"));
                continue;
            }
            foreach (var entry in entries)
            {
                var isLink = entry.LinkTarget is not null;
                if (entry is DirectoryInfo)
                {
                    if (isLink)
                    {
                        refused.Add(new RefusedPath(entry.FullName, $"a link to a folder ({entry.LinkTarget}); links to folders are not followed, put the files themselves here"));
                    }
                    else if (depth + 1 > MaxDepth)
                    {
                        refused.Add(new RefusedPath(entry.FullName, $"more than {MaxDepth} folders deep; not searched"));
                    }
                    else
                    {
                        pending.Push((entry.FullName, depth + 1));
                    }
                }
                else if (include(entry.FullName))
                {
                    if (isLink && IsLinkToFolder(entry))
                    {
                        refused.Add(new RefusedPath(entry.FullName, $"a link to a folder ({entry.LinkTarget}); links to folders are not followed"));
                        continue;
                    }
                    files.Add(entry.FullName);
                }
            }
        }
        files.Sort(StringComparer.Ordinal);
        refused.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new FolderScan(files.Select(p => (p, Path.GetRelativePath(folder, p).Replace('\\', '/'))).ToList(), refused);
    }

    // A file-named link (x.txt -> some folder) is refused here rather than when opened.
    private static bool IsLinkToFolder(FileSystemInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true) is DirectoryInfo { Exists: true };
        }
        catch (IOException)
        {
            return false; // A loop of links: opening it fails with a clear message.
        }
    }
}
