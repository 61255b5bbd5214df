using BoneTumorInfo.Content.Service;
using BoneTumorInfo.Content.Languages;
using BoneTumorInfo.Content.Glossary;
using BoneTumorInfo.Content.Diagnostics;
using BoneTumorInfo.Content.FrontMatter;

namespace BoneTumorInfo.Content.Pages;

/// <summary>
/// Every page of every language, built from the files themselves: navigation, breadcrumbs and
/// previous/next all come from here, so nothing is a hand-kept list. Immutable once built.
/// </summary>
public sealed class PageIndex
{
    private readonly Dictionary<(string Language, string Slug), PageEntry> _bySlug = [];
    private readonly Dictionary<string, PageEntry> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Language, string Slug), List<PageEntry>> _children = [];
    private readonly List<ContentDiagnostic> _diagnostics = [];
    private readonly Dictionary<string, GlossaryTerms> _glossaries = new(StringComparer.Ordinal);

    public IReadOnlyCollection<PageEntry> Pages => _bySlug.Values;

    /// <summary>Errors found while indexing (front matter, clashing URLs).</summary>
    public IReadOnlyList<ContentDiagnostic> Diagnostics => _diagnostics;

    public bool IncludeDrafts { get; }

    /// <summary>
    /// What under the content folder could not be read or must not be (a folder that cannot be
    /// listed, a link that loops or leads outside): one error each, with its path. The pages
    /// elsewhere are indexed as usual; the web host's readiness check reports these.
    /// </summary>
    public IReadOnlyList<ContentDiagnostic> FolderProblems => _folderProblems;

    private readonly List<ContentDiagnostic> _folderProblems = [];

    /// <summary>The glossary of a language (empty when it has none).</summary>
    public GlossaryTerms GlossaryFor(string language) => _glossaries.GetValueOrDefault(language) ?? GlossaryTerms.Empty;

    private PageIndex(string rootPath, bool includeDrafts, SiteLanguages siteLanguages)
    {
        RootPath = rootPath;
        IncludeDrafts = includeDrafts;
        SiteLanguages = siteLanguages;
    }

    /// <summary>
    /// Renders a page's body: the one place that does it, so the site, the checker and the command
    /// line cannot render a page three different ways.
    /// </summary>
    /// <param name="service">Fills the page's <c>{{ … }}</c> placeholders; with none they show nothing.</param>
    public RenderedPage Render(PageEntry entry, ServiceProfile? service = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.CanRender) throw new InvalidOperationException($"{entry.DisplayPath} cannot be rendered: {(entry.Diagnostics.Count > 0 ? entry.Diagnostics[0].Message : "")}");

        // Read through the gate again: a link may have been changed to point outside since indexing.
        if (!ContentFiles.TryResolveInside(RootPath, $"{entry.Language}/{entry.PathInLanguage}", out var path))
        {
            throw new FileNotFoundException($"{entry.DisplayPath} is no longer a file inside the content folder");
        }

        return PageRenderer.Render(entry, ReadText(path!), DefaultLanguage, GlossaryFor(entry.Language), service);
    }

    /// <summary>The site's languages, as configured (some may have no pages yet).</summary>
    public SiteLanguages SiteLanguages { get; }

    /// <summary>The language served at the site root.</summary>
    public string DefaultLanguage => SiteLanguages.Default.Code;

    /// <summary>The content folder this index was read from.</summary>
    public string RootPath { get; }

    /// <summary>Reads the front matter of every <c>&lt;lang&gt;/**/*.md</c> under the content root.</summary>
    /// <param name="displayRoot">How messages name the content folder (default: its folder name,
    /// so a file reads <c>content/en/about.md</c>); the checker passes the path as the user typed it.</param>
    public static PageIndex Build(string rootPath, ContentOptions options, bool includeDrafts, string? displayRoot = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var languages = SiteLanguages.From(options);
        var rootName = (displayRoot ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(rootPath))).Replace('\\', '/').TrimEnd('/');
        var index = new PageIndex(rootPath, includeDrafts, languages) { _rootName = rootName };
        foreach (var language in languages.Codes)
        {
            var folder = Path.Combine(rootPath, language);
            if (!Directory.Exists(folder)) continue;
            var skipped = new List<ContentFiles.Skipped>();
            var files = ContentFiles.FilesUnder(rootPath, folder, skipped);
            foreach (var problem in skipped)
            {
                index._folderProblems.Add(new ContentDiagnostic($"{rootName}/{problem.PathFromRoot}", 1, 1, DiagnosticSeverity.Error, problem.Reason));
            }

            index.LoadGlossary(language);
            // Names starting with "." or "_" (notes, drafts kept aside) are already left out.
            // Read on every core: at thousands of pages, reading is most of the start-up.
            var pages = files.Where(f => f.EndsWith(".md", StringComparison.Ordinal)).ToArray();
            var entries = new PageEntry[pages.Length];
            Parallel.For(0, pages.Length, i => entries[i] = index.Read(language, pages[i]));
            foreach (var entry in entries)
            {
                index._byFile[$"{language}/{entry.PathInLanguage}"] = entry;
            }

            index.FilesRead += entries.Length;
        }

        index.Link();
        return index;
    }

    /// <summary>
    /// A new index with the given files read again and everything else taken over as it is:
    /// a page added, edited or deleted costs reading that one file, not the whole folder. The
    /// order of each section is worked out again (it is only sorting). Null when a change needs
    /// the whole folder read again: a folder added, removed or renamed, or a path through a
    /// symbolic link (the full walk is what keeps links inside the content folder).
    /// </summary>
    /// <param name="changedPaths">Paths relative to the content root, with forward slashes, as a file watcher reported them.</param>
    public PageIndex? Update(IEnumerable<string> changedPaths)
    {
        ArgumentNullException.ThrowIfNull(changedPaths);
        var next = new PageIndex(RootPath, IncludeDrafts, SiteLanguages) { _rootName = _rootName };
        foreach (var (file, entry) in _byFile) next._byFile[file] = entry;
        foreach (var (language, glossary) in _glossaries) next._glossaries[language] = glossary;
        foreach (var (language, problems) in _glossaryProblems) next._glossaryProblems[language] = problems;
        next._folderProblems.AddRange(_folderProblems);
        var languages = SiteLanguages.Codes.ToHashSet(StringComparer.Ordinal);
        foreach (var path in changedPaths.Distinct(StringComparer.Ordinal))
        {
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || !languages.Contains(parts[0])) continue;
            // A whole language folder appeared or went.
            if (parts.Length == 1) return null;
            // Notes and drafts kept aside (".", "_") are never indexed, and neither is anything under them.
            if (parts.Skip(1).Any(p => p.StartsWith('.') || p.StartsWith('_'))) continue;
            var language = parts[0];
            var relative = string.Join('/', parts.Skip(1));
            var full = Path.Combine(RootPath, language, Path.Combine(parts[1..]));
            if (Directory.Exists(full) || next._byFile.Keys.Any(k => k.StartsWith(path + "/", StringComparison.Ordinal))) return null;
            if (parts.Length == 2 && parts[1] == GlossaryTerms.FileName)
            {
                next.LoadGlossary(language);
                continue;
            }

            if (!relative.EndsWith(".md", StringComparison.Ordinal)) continue;
            if (File.Exists(full) || new FileInfo(full).LinkTarget is not null)
            {
                string real;
                try
                {
                    real = ContentFiles.RealPath(full);
                }
                catch (IOException)
                {
                    return null;
                }

                // Reached through a link: the full walk decides whether it may be read at all.
                if (!string.Equals(real, Path.GetFullPath(full), StringComparison.Ordinal)) return null;
                next._byFile[path] = next.Read(language, relative);
                next.FilesRead++;
            }
            else
            {
                next._byFile.Remove(path);
            }
        }

        next.Link();
        return next;
    }

    /// <summary>How many page files were read to make this index (all of them for a build, the changed ones for an update).</summary>
    public int FilesRead { get; private set; }

    private string _rootName = "content";

    private readonly Dictionary<string, List<ContentDiagnostic>> _glossaryProblems = new(StringComparer.Ordinal);

    private void LoadGlossary(string language)
    {
        var problems = new List<ContentDiagnostic>();
        _glossaries[language] = ContentFiles.TryResolveInside(RootPath, $"{language}/{GlossaryTerms.FileName}", out var glossaryPath)
            ? GlossaryTerms.Load(glossaryPath!, $"{_rootName}/{language}/{GlossaryTerms.FileName}", problems)
            : GlossaryTerms.Empty;
        _glossaryProblems[language] = problems;
    }

    /// <summary>
    /// Addresses, clashes, sections and their order, and the list of problems, all from the
    /// entries: files in order within each language, so the first of two files claiming one
    /// address keeps it, however the index was made.
    /// </summary>
    private void Link()
    {
        var byLanguage = _byFile.Values.ToLookup(e => e.Language, StringComparer.Ordinal);
        foreach (var language in SiteLanguages.Codes)
        {
            if (_glossaryProblems.TryGetValue(language, out var glossaryProblems)) _diagnostics.AddRange(glossaryProblems);
            foreach (var entry in byLanguage[language].OrderBy(e => e.PathInLanguage, StringComparer.Ordinal))
            {
                _diagnostics.AddRange(entry.Diagnostics);
                if (!_bySlug.TryAdd((language, entry.Slug), entry))
                {
                    _diagnostics.Add(new ContentDiagnostic(entry.DisplayPath, 1, 1, DiagnosticSeverity.Error,
                        $"this page has the same address ({entry.Url}) as {_bySlug[(language, entry.Slug)].DisplayPath}; rename one of them"));
                }
            }
        }

        _diagnostics.AddRange(_folderProblems);
        foreach (var entry in _bySlug.Values)
        {
            var parent = NearestAncestor(entry);
            if (parent is null) continue;
            if (!_children.TryGetValue((entry.Language, parent.Slug), out var list))
            {
                _children[(entry.Language, parent.Slug)] = list = [];
            }

            list.Add(entry);
        }

        foreach (var list in _children.Values)
        {
            list.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : string.CompareOrdinal(a.Title, b.Title));
        }
    }

    /// <summary>One page file's entry: its front matter, or what stops it being read. Touches nothing shared (files are read in parallel).</summary>
    private PageEntry Read(string language, string relative)
    {
        var fullPath = Path.Combine(RootPath, language, relative);
        var display = $"{_rootName}/{language}/{relative}";
        var diagnostics = new List<ContentDiagnostic>();
        PageFrontMatter? frontMatter = null;
        var canRender = false;
        var saysDraft = false;
        try
        {
            var text = ReadUnlessTooBig(fullPath, out var size);
            if (text is null)
            {
                diagnostics.Add(new ContentDiagnostic(display, 1, 1, DiagnosticSeverity.Error,
                    $"the file is {size / 1024} KB; a page can be at most {PageLimits.MaxFileBytes / 1024} KB: split it into several pages"));
                saysDraft = FrontMatterReader.SaysDraft(ReadStart(fullPath));
            }
            else
            {
                frontMatter = FrontMatterReader.Read(text, display, diagnostics);
                saysDraft = FrontMatterReader.SaysDraft(text);
                var tooDeep = PageLimits.Check(text, display);
                if (tooDeep is not null) diagnostics.Add(tooDeep);
                canRender = tooDeep is null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new ContentDiagnostic(display, 1, 1, DiagnosticSeverity.Error, $"the file could not be read: {ex.Message}"));
        }

        var slug = ContentPaths.SlugOf(relative);
        return new PageEntry(language, slug, ContentPaths.UrlOf(language, slug, DefaultLanguage), relative, fullPath, display, frontMatter, diagnostics)
        {
            CanRender = canRender,
            SaysDraft = saysDraft,
        };
    }

    /// <summary>The first few kilobytes of a file, enough for its front matter.</summary>
    private static string ReadStart(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[8192];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    /// <summary>
    /// A page file's text, or null (with its size) when it is over <see cref="PageLimits.MaxFileBytes"/>.
    /// One open handle gives both the length and the bytes: at 10,000 pages a separate stat per
    /// file and a stream reader per file were a third of building the index. Text with a UTF-16
    /// or UTF-32 byte-order mark, or a file that grew while it was read, is read the usual way.
    /// </summary>
    private static string? ReadUnlessTooBig(string path, out long size)
    {
        try
        {
            return TryReadUnlessTooBig(path, out size);
        }
        catch (IOException) when (File.Exists(path))
        {
            Thread.Sleep(50);
            return TryReadUnlessTooBig(path, out size);
        }
    }

    private static string? TryReadUnlessTooBig(string path, out long size)
    {
        byte[]? buffer = null;
        try
        {
            int read;
            using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                size = RandomAccess.GetLength(handle);
                if (size > PageLimits.MaxFileBytes)
                {
                    return null;
                }

                // One byte more than the length, to notice a file that grew meanwhile.
                buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)size + 1);
                read = 0;
                int got;
                while (read < buffer.Length && (got = RandomAccess.Read(handle, buffer.AsSpan(read), read)) > 0)
                {
                    read += got;
                }
            }

            var bytes = buffer.AsSpan(0, read);
            if (read > size || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
                || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
            {
                size = new FileInfo(path).Length;
                return size > PageLimits.MaxFileBytes ? null : File.ReadAllText(path);
            }

            return System.Text.Encoding.UTF8.GetString(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes);
        }
        finally
        {
            if (buffer is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Reads a file an editor may be saving at this moment: one short retry on a sharing clash.</summary>
    public static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException) when (File.Exists(path))
        {
            Thread.Sleep(50);
            return File.ReadAllText(path);
        }
    }

    private bool IsShown(PageEntry entry) => !entry.IsBroken && (IncludeDrafts || !entry.IsDraft);

    /// <summary>The page at a language and slug, if it exists at all (broken pages included, so they can say "being updated").</summary>
    public PageEntry? Find(string language, string slug)
    {
        if (!_bySlug.TryGetValue((language, slug), out var entry)) return null;
        return entry.IsDraft && !IncludeDrafts ? null : entry;
    }

    /// <summary>A page by its file, relative to the content root (<c>en/conditions/index.md</c>).</summary>
    public PageEntry? FindFile(string pathFromRoot) => _byFile.GetValueOrDefault(pathFromRoot);

    /// <summary>The languages that have pages.</summary>
    public IEnumerable<string> Languages => _bySlug.Keys.Select(k => k.Language).Distinct();

    /// <summary>The pages directly under a page (for a folder page: its folder's pages and sub-folders).</summary>
    public IReadOnlyList<PageEntry> ChildrenOf(PageEntry parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return _children.TryGetValue((parent.Language, parent.Slug), out var list) ? list.Where(IsShown).ToList() : [];
    }

    /// <summary>The sections of the primary navigation: the pages directly under the home page.</summary>
    public IReadOnlyList<PageEntry> Sections(string language)
    {
        var home = Find(language, "");
        return home is null ? [] : ChildrenOf(home);
    }

    /// <summary>From the home page down to the page's parent.</summary>
    public IReadOnlyList<PageEntry> Breadcrumbs(PageEntry entry)
    {
        var trail = new List<PageEntry>();
        for (var parent = NearestAncestor(entry); parent is not null; parent = NearestAncestor(parent))
        {
            if (IsShown(parent)) trail.Insert(0, parent);
        }

        return trail;
    }

    /// <summary>
    /// In a step-by-step section (its index.md says <c>steps: true</c>), the pages before and
    /// after this one. The overview page leads into the first step.
    /// </summary>
    public (PageEntry? Previous, PageEntry? Next) PreviousNext(PageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var section = entry.FrontMatter?.Steps == true ? entry : NearestAncestor(entry);
        if (section?.FrontMatter?.Steps != true) return (null, null);
        var sequence = new List<PageEntry> { section };
        sequence.AddRange(ChildrenOf(section));
        var at = sequence.FindIndex(p => p.Language == entry.Language && p.Slug == entry.Slug);
        if (at < 0) return (null, null);
        return (at > 0 ? sequence[at - 1] : null, at < sequence.Count - 1 ? sequence[at + 1] : null);
    }

    private PageEntry? NearestAncestor(PageEntry entry)
    {
        for (var slug = ContentPaths.ParentOf(entry.Slug); slug is not null; slug = ContentPaths.ParentOf(slug))
        {
            if (_bySlug.TryGetValue((entry.Language, slug), out var parent)) return parent;
        }

        return null;
    }
}
