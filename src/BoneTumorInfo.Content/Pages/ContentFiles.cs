namespace BoneTumorInfo.Content.Pages;

/// <summary>
/// The one gate between the content folder and the disk. Nothing outside the content folder is
/// read or served, wherever a link in it points: every path is resolved to its real location
/// (each symbolic link followed, file or folder) and must stay under the content folder's own
/// real location. A folder that cannot be read is skipped and reported, never fatal.
/// </summary>
public static class ContentFiles
{
    /// <summary>Links followed while resolving one path before it counts as a loop (Linux allows 40).</summary>
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// For the web host's file serving: the real path of an existing file at
    /// <paramref name="relative"/> under <paramref name="root"/>, or false when there is none, or
    /// when it (or any folder on the way) is a link that leads outside the root.
    /// </summary>
    public static bool TryResolveInside(string root, string relative, out string? fullPath)
    {
        fullPath = null;
        ArgumentNullException.ThrowIfNull(root);
        if (string.IsNullOrEmpty(relative) || Path.IsPathRooted(relative) || relative.Contains('\0', StringComparison.Ordinal)) return false;
        try
        {
            var realRoot = RealPath(root);
            var real = RealPath(Path.Combine(root, relative));
            if (!IsUnder(realRoot, real) || !File.Exists(real)) return false;
            fullPath = real;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Where a path really is: every symbolic link on it followed, "." and ".." applied in order,
    /// as the operating system would. A path that does not exist resolves as far as it exists.
    /// </summary>
    /// <exception cref="IOException">A link loop (more than 40 links on the way).</exception>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Parts(full[current.Length..]).Reverse());
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks) throw new IOException($"'{next}' is a link that loops (more than {MaxLinks} links to follow)");
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }

            foreach (var p in Parts(target).Reverse()) pending.Push(p);
        }

        return current;
    }

    private static string[] Parts(string path) => path.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when <paramref name="realPath"/> is <paramref name="realRoot"/> itself or lies under it.</summary>
    internal static bool IsInside(string realRoot, string realPath) =>
        string.Equals(Path.TrimEndingDirectorySeparator(realRoot), Path.TrimEndingDirectorySeparator(realPath), PathComparison) || IsUnder(realRoot, realPath);

    private static bool IsUnder(string realRoot, string realPath) =>
        realPath.StartsWith(Path.TrimEndingDirectorySeparator(realRoot) + Path.DirectorySeparatorChar, PathComparison);

    /// <summary>Something under the content folder that is not read, and why (for an error message).</summary>
    internal sealed record Skipped(string PathFromRoot, string Reason);

    /// <summary>
    /// Every file under <paramref name="folder"/> (relative to it, with forward slashes) whose real
    /// location is inside <paramref name="root"/>, skipping names that start with "." or "_".
    /// Folders that cannot be listed, links that loop, lead outside or lead nowhere, and folders
    /// reached a second time through a link go to <paramref name="skipped"/> instead.
    /// </summary>
    internal static List<string> FilesUnder(string root, string folder, ICollection<Skipped> skipped)
    {
        var realRoot = RealPath(root);
        var files = new List<string>();
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        string FromRoot(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

        var realFolder = Resolve(folder);
        if (realFolder is null) return files;
        seen.Add(realFolder);
        // Each folder with its real location, so an entry that is not a link is simply inside it:
        // resolving every file from the root again (a system call per folder on the way) was a
        // fifth of the start-up at 10,000 pages.
        var pending = new Stack<(string Path, string Real)>();
        pending.Push((folder, realFolder));
        while (pending.Count > 0)
        {
            var (dir, realDir) = pending.Pop();
            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions
                {
                    RecurseSubdirectories = false,
                    IgnoreInaccessible = false,
                    AttributesToSkip = 0,
                }).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                skipped.Add(new Skipped(FromRoot(dir), $"the folder could not be read ({ex.Message}); its pages are left out"));
                continue;
            }

            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (entry.Name.StartsWith('.') || entry.Name.StartsWith('_')) continue;
                var isLink = entry.Attributes.HasFlag(FileAttributes.ReparsePoint);
                var real = isLink ? Resolve(entry.FullName) : Path.Combine(realDir, entry.Name);
                if (real is null) continue;
                if (isLink ? Directory.Exists(real) : entry is DirectoryInfo)
                {
                    if (seen.Add(real))
                    {
                        pending.Push((entry.FullName, real));
                    }
                    else
                    {
                        skipped.Add(new Skipped(FromRoot(entry.FullName), "this link leads back to a folder that is already read; it is left out"));
                    }
                }
                else if (!isLink || File.Exists(real))
                {
                    files.Add(Path.GetRelativePath(folder, entry.FullName).Replace('\\', '/'));
                }
                else if (entry.LinkTarget is not null)
                {
                    skipped.Add(new Skipped(FromRoot(entry.FullName), $"this link leads to '{entry.LinkTarget}', which does not exist"));
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;

        string? Resolve(string path)
        {
            try
            {
                var real = RealPath(path);
                if (IsInside(realRoot, real)) return real;
                skipped.Add(new Skipped(FromRoot(path), $"this link leads outside the content folder (to {real}); nothing there is read or served"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                skipped.Add(new Skipped(FromRoot(path), $"this could not be read ({ex.Message}); it is left out"));
            }

            return null;
        }
    }
}
