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
        var index = new PageIndex(rootPath, includeDrafts, languages);
        var rootName = (displayRoot ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(rootPath))).Replace('\\', '/').TrimEnd('/');
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

            index._glossaries[language] = ContentFiles.TryResolveInside(rootPath, $"{language}/{GlossaryTerms.FileName}", out var glossaryPath)
                ? GlossaryTerms.Load(glossaryPath!, $"{rootName}/{language}/{GlossaryTerms.FileName}", index._diagnostics)
                : GlossaryTerms.Empty;
            // Names starting with "." or "_" (notes, drafts kept aside) are already left out.
            foreach (var relative in files.Where(f => f.EndsWith(".md", StringComparison.Ordinal)))
            {
                index.Add(rootName, rootPath, language, relative, languages.Default.Code);
            }
        }

        index._diagnostics.AddRange(index._folderProblems);
        foreach (var entry in index._bySlug.Values)
        {
            var parent = index.NearestAncestor(entry);
            if (parent is null) continue;
            if (!index._children.TryGetValue((entry.Language, parent.Slug), out var list))
            {
                index._children[(entry.Language, parent.Slug)] = list = [];
            }

            list.Add(entry);
        }

        foreach (var list in index._children.Values)
        {
            list.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : string.CompareOrdinal(a.Title, b.Title));
        }

        return index;
    }

    private void Add(string rootName, string rootPath, string language, string relative, string defaultLanguage)
    {
        var fullPath = Path.Combine(rootPath, language, relative);
        var display = $"{rootName}/{language}/{relative}";
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
        var entry = new PageEntry(language, slug, ContentPaths.UrlOf(language, slug, defaultLanguage), relative, fullPath, display, frontMatter, diagnostics)
        {
            CanRender = canRender,
            SaysDraft = saysDraft,
        };
        _diagnostics.AddRange(diagnostics);
        _byFile[$"{language}/{relative}"] = entry;
        if (!_bySlug.TryAdd((language, slug), entry))
        {
            _diagnostics.Add(new ContentDiagnostic(display, 1, 1, DiagnosticSeverity.Error,
                $"this page has the same address ({entry.Url}) as {_bySlug[(language, slug)].DisplayPath}; rename one of them"));
        }
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
