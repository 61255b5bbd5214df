using System.Collections.Concurrent;
using BoneTumorInfo.Content.Service;
using BoneTumorInfo.Content.Languages;
using BoneTumorInfo.Content.Glossary;
using BoneTumorInfo.Content.Diagnostics;
using BoneTumorInfo.Content.FrontMatter;

namespace BoneTumorInfo.Content.Pages;

/// <summary>
/// Every page of every language, built from the files themselves: navigation, breadcrumbs and
/// previous/next all come from here, so nothing is a hand-kept list. Immutable once built.
/// Addresses, clashes and the shape of each section come from the file names alone; a page's
/// front matter is read when first needed (or by <see cref="ReadAll"/>), so a site with
/// thousands of pages can answer its first reader after reading a dozen files.
/// </summary>
public sealed class PageIndex
{
    /// <summary>One page file: where it is, and its entry, read from the file once.</summary>
    private sealed class Slot(string language, string relative, string slug, Lazy<PageEntry> entry)
    {
        public string Language { get; } = language;

        public string Relative { get; } = relative;

        public string Slug { get; } = slug;

        public Lazy<PageEntry> Entry { get; } = entry;
    }

    /// <summary>Files read, for <see cref="FilesRead"/> (this index) and <see cref="FilesReadInAll"/> (this index and those it was updated from).</summary>
    private sealed class Counter
    {
        public long Count;
    }

    private readonly Dictionary<(string Language, string Slug), Slot> _bySlug = [];
    private readonly Dictionary<string, Slot> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Language, string Slug), List<Slot>> _childSlots = [];
    private readonly ConcurrentDictionary<(string Language, string Slug), List<PageEntry>> _children = new();
    private readonly Dictionary<string, GlossaryTerms> _glossaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ContentDiagnostic>> _glossaryProblems = new(StringComparer.Ordinal);
    private readonly List<ContentDiagnostic> _folderProblems = [];
    private readonly List<(Slot Slot, Slot Owner)> _clashes = [];
    private readonly Counter _read = new();
    private Counter _readInAll = new();
    private readonly Lazy<List<ContentDiagnostic>> _diagnostics;
    private readonly Lazy<List<PageEntry>> _pages;
    private readonly Lazy<bool> _readAll;
    private string _rootName = "content";

    /// <summary>Every page (reads every file not read yet).</summary>
    public IReadOnlyCollection<PageEntry> Pages => _pages.Value;

    /// <summary>Errors found while indexing (front matter, clashing URLs); reads every file not read yet.</summary>
    public IReadOnlyList<ContentDiagnostic> Diagnostics => _diagnostics.Value;

    public bool IncludeDrafts { get; }

    /// <summary>
    /// What under the content folder could not be read or must not be (a folder that cannot be
    /// listed, a link that loops or leads outside): one error each, with its path. The pages
    /// elsewhere are indexed as usual; the web host's readiness check reports these.
    /// </summary>
    public IReadOnlyList<ContentDiagnostic> FolderProblems => _folderProblems;

    /// <summary>How many page files this index read (all of them for a build, the changed ones for an update).</summary>
    public long FilesRead => Interlocked.Read(ref _read.Count);

    /// <summary>How many page files were read by this index and every index it was updated from (a counting seam for tests).</summary>
    public long FilesReadInAll => Interlocked.Read(ref _readInAll.Count);

    /// <summary>The glossary of a language (empty when it has none).</summary>
    public GlossaryTerms GlossaryFor(string language) => _glossaries.GetValueOrDefault(language) ?? GlossaryTerms.Empty;

    private PageIndex(string rootPath, bool includeDrafts, SiteLanguages siteLanguages)
    {
        RootPath = rootPath;
        IncludeDrafts = includeDrafts;
        SiteLanguages = siteLanguages;
        _readAll = new Lazy<bool>(() =>
        {
            // One core is left for readers while a big site is read in the background.
            var slots = _byFile.Values.Where(s => !s.Entry.IsValueCreated).ToArray();
            Parallel.ForEach(slots, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) }, s => _ = s.Entry.Value);
            return true;
        });
        _pages = new Lazy<List<PageEntry>>(() =>
        {
            ReadAll();
            return _bySlug.Values.Select(s => s.Entry.Value).ToList();
        });
        _diagnostics = new Lazy<List<ContentDiagnostic>>(CollectDiagnostics);
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
        var index = BuildLazily(rootPath, options, includeDrafts, displayRoot);
        index.ReadAll();
        return index;
    }

    /// <summary>
    /// The index from the file names alone: each page's file is read when something first asks
    /// for it, or by <see cref="ReadAll"/>. The site starts this way and reads the rest in the background.
    /// </summary>
    public static PageIndex BuildLazily(string rootPath, ContentOptions options, bool includeDrafts, string? displayRoot = null)
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
            foreach (var relative in files.Where(f => f.EndsWith(".md", StringComparison.Ordinal)))
            {
                index._byFile[$"{language}/{relative}"] = index.NewSlot(language, relative);
            }
        }

        index.Link();
        return index;
    }

    /// <summary>Reads every page file not read yet (in parallel; once, however many callers ask).</summary>
    public void ReadAll() => _ = _readAll.Value;

    private Slot NewSlot(string language, string relative)
    {
        var (read, readInAll) = (_read, _readInAll);
        return new Slot(language, relative, ContentPaths.SlugOf(relative), new Lazy<PageEntry>(() =>
        {
            Interlocked.Increment(ref read.Count);
            Interlocked.Increment(ref readInAll.Count);
            return Read(language, relative);
        }));
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
        var next = new PageIndex(RootPath, IncludeDrafts, SiteLanguages) { _rootName = _rootName, _readInAll = _readInAll };
        foreach (var (file, slot) in _byFile) next._byFile[file] = slot;
        foreach (var (language, glossary) in _glossaries) next._glossaries[language] = glossary;
        foreach (var (language, problems) in _glossaryProblems) next._glossaryProblems[language] = problems;
        next._folderProblems.AddRange(_folderProblems);
        var languages = SiteLanguages.Codes.ToHashSet(StringComparer.Ordinal);
        var changed = new List<Slot>();
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
                var slot = next.NewSlot(language, relative);
                next._byFile[path] = slot;
                changed.Add(slot);
            }
            else
            {
                next._byFile.Remove(path);
            }
        }

        // The changed files are read now; the rest keep what was read (or not yet) before.
        next.ChangedPages = changed.Select(slot => slot.Entry.Value).ToList();
        next.Link();
        return next;
    }

    /// <summary>For an index made by <see cref="Update"/>: the pages it read again.</summary>
    public IReadOnlyList<PageEntry> ChangedPages { get; private set; } = [];

    /// <summary>How many addresses have a page (without reading any file).</summary>
    public int PageCount => _bySlug.Count;

    private void LoadGlossary(string language)
    {
        var problems = new List<ContentDiagnostic>();
        _glossaries[language] = ContentFiles.TryResolveInside(RootPath, $"{language}/{GlossaryTerms.FileName}", out var glossaryPath)
            ? GlossaryTerms.Load(glossaryPath!, $"{_rootName}/{language}/{GlossaryTerms.FileName}", problems)
            : GlossaryTerms.Empty;
        _glossaryProblems[language] = problems;
    }

    /// <summary>
    /// Addresses, clashes and the pages under each page, from the file names: files in order
    /// within each language, so the first of two files claiming one address keeps it, however
    /// the index was made. Nothing here reads a file.
    /// </summary>
    private void Link()
    {
        var byLanguage = _byFile.Values.ToLookup(s => s.Language, StringComparer.Ordinal);
        foreach (var language in SiteLanguages.Codes)
        {
            foreach (var slot in byLanguage[language].OrderBy(s => s.Relative, StringComparer.Ordinal))
            {
                if (!_bySlug.TryAdd((language, slot.Slug), slot)) _clashes.Add((slot, _bySlug[(language, slot.Slug)]));
            }
        }

        foreach (var slot in _bySlug.Values)
        {
            var parent = NearestAncestor(slot.Language, slot.Slug);
            if (parent is null) continue;
            if (!_childSlots.TryGetValue((slot.Language, parent.Slug), out var list))
            {
                _childSlots[(slot.Language, parent.Slug)] = list = [];
            }

            list.Add(slot);
        }
    }

    /// <summary>Every problem, in file order per language: the glossary's, each page's, clashing addresses; then the folders'.</summary>
    private List<ContentDiagnostic> CollectDiagnostics()
    {
        ReadAll();
        var diagnostics = new List<ContentDiagnostic>();
        var clashes = _clashes.ToDictionary(c => c.Slot, c => c.Owner);
        var byLanguage = _byFile.Values.ToLookup(s => s.Language, StringComparer.Ordinal);
        foreach (var language in SiteLanguages.Codes)
        {
            if (_glossaryProblems.TryGetValue(language, out var glossaryProblems)) diagnostics.AddRange(glossaryProblems);
            foreach (var slot in byLanguage[language].OrderBy(s => s.Relative, StringComparer.Ordinal))
            {
                var entry = slot.Entry.Value;
                diagnostics.AddRange(entry.Diagnostics);
                if (clashes.TryGetValue(slot, out var owner))
                {
                    diagnostics.Add(new ContentDiagnostic(entry.DisplayPath, 1, 1, DiagnosticSeverity.Error,
                        $"this page has the same address ({entry.Url}) as {owner.Entry.Value.DisplayPath}; rename one of them"));
                }
            }
        }

        diagnostics.AddRange(_folderProblems);
        return diagnostics;
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
            var size = new FileInfo(fullPath).Length;
            if (size > PageLimits.MaxFileBytes)
            {
                diagnostics.Add(new ContentDiagnostic(display, 1, 1, DiagnosticSeverity.Error,
                    $"the file is {size / 1024} KB; a page can be at most {PageLimits.MaxFileBytes / 1024} KB: split it into several pages"));
                saysDraft = FrontMatterReader.SaysDraft(ReadStart(fullPath));
            }
            else
            {
                var text = ReadText(fullPath);
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
        if (!_bySlug.TryGetValue((language, slug), out var slot)) return null;
        var entry = slot.Entry.Value;
        return entry.IsDraft && !IncludeDrafts ? null : entry;
    }

    /// <summary>A page by its file, relative to the content root (<c>en/conditions/index.md</c>).</summary>
    public PageEntry? FindFile(string pathFromRoot) => _byFile.TryGetValue(pathFromRoot, out var slot) ? slot.Entry.Value : null;

    /// <summary>The languages that have pages.</summary>
    public IEnumerable<string> Languages => _bySlug.Keys.Select(k => k.Language).Distinct();

    /// <summary>The pages directly under a page (for a folder page: its folder's pages and sub-folders).</summary>
    public IReadOnlyList<PageEntry> ChildrenOf(PageEntry parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var key = (parent.Language, parent.Slug);
        if (!_childSlots.TryGetValue(key, out var slots)) return [];
        var sorted = _children.GetOrAdd(key, _ =>
        {
            var list = slots.Select(s => s.Entry.Value).ToList();
            list.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : string.CompareOrdinal(a.Title, b.Title));
            return list;
        });
        return sorted.Where(IsShown).ToList();
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
        ArgumentNullException.ThrowIfNull(entry);
        var trail = new List<PageEntry>();
        for (var parent = NearestAncestor(entry.Language, entry.Slug); parent is not null; parent = NearestAncestor(parent.Language, parent.Slug))
        {
            var page = parent.Entry.Value;
            if (IsShown(page)) trail.Insert(0, page);
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
        var section = entry.FrontMatter?.Steps == true ? entry : NearestAncestor(entry.Language, entry.Slug)?.Entry.Value;
        if (section?.FrontMatter?.Steps != true) return (null, null);
        var sequence = new List<PageEntry> { section };
        sequence.AddRange(ChildrenOf(section));
        var at = sequence.FindIndex(p => p.Language == entry.Language && p.Slug == entry.Slug);
        if (at < 0) return (null, null);
        return (at > 0 ? sequence[at - 1] : null, at < sequence.Count - 1 ? sequence[at + 1] : null);
    }

    private Slot? NearestAncestor(string language, string slug)
    {
        for (var parent = ContentPaths.ParentOf(slug); parent is not null; parent = ContentPaths.ParentOf(parent))
        {
            if (_bySlug.TryGetValue((language, parent), out var slot)) return slot;
        }

        return null;
    }
}
