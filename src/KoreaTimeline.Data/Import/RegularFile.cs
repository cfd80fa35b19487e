using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace KoreaTimeline.Data.Import;

/// <summary>
/// Reads a file only when it is a regular file of bounded size, deciding from the opened handle, so nothing can swap
/// the file between the check and the read. On Linux the file is opened non-blocking (a FIFO named <c>x.txt</c> cannot
/// block the open) and checked with <c>fstat</c>: FIFOs, sockets and devices (a link to <c>/dev/zero</c>) are refused
/// before a byte is read, and so is a size over the limit. Reading stops one byte past the limit whatever the size said.
/// </summary>
public static partial class RegularFile
{
    /// <summary>Reads the whole file; throws <see cref="ArticleInputException"/> naming <paramref name="path"/> when it is not a regular file or too large.</summary>
    public static async Task<byte[]> ReadAllBytesAsync(string path, long maxBytes, CancellationToken cancellationToken = default)
    {
        using var handle = Open(path, maxBytes, out var length);
        var buffer = new byte[Math.Min(length, maxBytes) + 1];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(total), total, cancellationToken);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        if (total > maxBytes)
        {
            throw new ArticleInputException($"{path}: over the {maxBytes:N0}-byte limit for an article (it grew while read); split it or raise the limit (--max-bytes, Timeline:MaxArticleBytes).");
        }
        return buffer[..total];
    }

    /// <summary>Opens <paramref name="path"/> for reading after checking, on the handle, that it is a regular file within the limit.</summary>
    public static SafeFileHandle Open(string path, long maxBytes, out long length)
    {
        SafeFileHandle handle;
        if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64)
        {
            handle = OpenLinux(path, out var kind, out length);
            if (kind != FileKind.Regular)
            {
                handle.Dispose();
                throw new ArticleInputException($"{path}: not a regular file (a {Describe(kind)}); only regular files are imported.");
            }
        }
        else
        {
            var info = new FileInfo(path);
            if (info.Attributes.HasFlag(FileAttributes.Device) || info.Attributes.HasFlag(FileAttributes.Directory))
            {
                throw new ArticleInputException($"{path}: not a regular file; only regular files are imported.");
            }
            try
            {
                handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ArticleInputException($"{path}: could not be read ({e.Message}); check the file and its permissions.");
            }
            length = RandomAccess.GetLength(handle);
        }
        if (length > maxBytes)
        {
            handle.Dispose();
            throw new ArticleInputException($"{path}: {length:N0} bytes is over the {maxBytes:N0}-byte limit for an article; split it or raise the limit (--max-bytes, Timeline:MaxArticleBytes).");
        }
        return handle;
    }

    private enum FileKind
    {
        Regular,
        Directory,
        Fifo,
        CharacterDevice,
        BlockDevice,
        Socket,
        Link,
        Unknown,
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "FIFO (named pipe)",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Directory => "folder",
        FileKind.Socket => "socket",
        _ => "special file",
    };

    private const int ReadOnlyNonBlockingCloseOnExec = 0x800 /* O_NONBLOCK */ | 0x80000 /* O_CLOEXEC */;

    private static SafeFileHandle OpenLinux(string path, out FileKind kind, out long length)
    {
        var fd = NativeOpen(path, ReadOnlyNonBlockingCloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            var reason = errno switch
            {
                2 => "file not found",
                13 => "permission denied",
                40 => "a loop of symbolic links",
                _ => Marshal.GetPInvokeErrorMessage(errno),
            };
            throw new ArticleInputException($"{path}: could not be opened ({reason}); check the file and import it again.");
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        // struct stat is 144 bytes on x86-64 and 128 on arm64; st_size is at 48 on both, st_mode at 24 (x86-64) or 16 (arm64).
        var stat = new byte[256];
        if (NativeFstat(fd, stat) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new ArticleInputException($"{path}: could not be checked ({Marshal.GetPInvokeErrorMessage(errno)}).");
        }
        var mode = BitConverter.ToUInt32(stat, RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16);
        length = BitConverter.ToInt64(stat, 48);
        kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            0xA000 => FileKind.Link,
            _ => FileKind.Unknown,
        };
        return handle;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeOpen(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static partial int NativeFstat(int fd, [Out] byte[] buffer);
}
