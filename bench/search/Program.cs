// Search benchmark: index build time and query latency (p50, p99), on the real content and on
// generated pages, for the site's SQLite FTS5 index and, for comparison, Lucene.NET.
//   dotnet run -c Release --project bench/search [-- --pages 10000 --rounds 200 --content path/to/content]
using System.Diagnostics;
using BoneTumorInfo.Bench.Search;
using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Content.Search;
using Microsoft.Extensions.Logging.Abstractions;

var pagesWanted = Option("--pages", 10_000);
var rounds = Option("--rounds", 200);
var contentRoot = OptionText("--content") ?? FindContent();

Console.WriteLine($"content: {contentRoot}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");

// 1. The real content, as the site builds it: read and parse every file, then index.
var timer = Stopwatch.StartNew();
var pages = PageIndex.Build(contentRoot, new ContentOptions { RootPath = contentRoot }, includeDrafts: false);
var pageIndexTime = timer.Elapsed;
using var service = new SearchService(NullLogger<SearchService>.Instance);
timer.Restart();
service.Rebuild(pages);
var firstBuild = timer.Elapsed;
timer.Restart();
service.Rebuild(pages);
var unchangedRebuild = timer.Elapsed;
var realDocuments = pages.Pages.Where(p => !p.IsBroken && !p.IsDraft)
    .Select(p => SearchDocuments.From(p, PageIndex.ReadText(p.FullPath), pages.GlossaryFor(p.Language))).ToList();
Console.WriteLine();
Console.WriteLine($"real content: {realDocuments.Count} pages; page index {pageIndexTime.TotalMilliseconds:0} ms; " +
    $"search build (read + parse + index) {firstBuild.TotalMilliseconds:0} ms; rebuild with no file changed {unchangedRebuild.TotalMilliseconds:0} ms");

// How fast words are cut and folded (the index, extracts and every query go through this).
foreach (var language in realDocuments.Select(d => d.Language).Distinct())
{
    var bodies = realDocuments.Where(d => d.Language == language).Select(d => d.Body).ToList();
    var tokens = bodies.Sum(b => SearchText.Tokens(b).Count());
    timer.Restart();
    for (var i = 0; i < 5; i++) foreach (var body in bodies) foreach (var _ in SearchText.Tokens(body)) { }
    Console.WriteLine($"words cut and folded ({language}): {tokens * 5 / timer.Elapsed.TotalSeconds / 1e6:0.0} million a second");
}

SynonymsFor synonyms = language => SearchSynonyms.For(language, pages.GlossaryFor(language));
Measure("real content", realDocuments, synonyms, rounds);

// 2. Generated pages: paragraphs of the real pages in new combinations, plus made-up words
// (so the vocabulary that "did you mean" scans is large), half in each language.
var generated = Generator.Pages(realDocuments, pagesWanted, seed: 42);
Measure($"{generated.Count} generated pages", generated, synonyms, Math.Max(20, rounds / 4));

static void Measure(string label, IReadOnlyList<SearchDocument> documents, SynonymsFor synonyms, int rounds)
{
    var queries = Queries.All;
    Console.WriteLine();
    Console.WriteLine($"== {label}: {documents.Sum(d => d.Body.Length + d.Headings.Length) / 1024 / 1024.0:0.0} MB of text, {queries.Count} queries x {rounds} rounds");

    // Build: best of three, after one warm-up (JIT), documents already in memory.
    var builds = BestBuild(() => SearchIndex.Build(documents, l => synonyms(l)).Dispose());
    using var sqlite = SearchIndex.Build(documents, l => synonyms(l));
    Report("site index (lucene + synonyms, spelling, extracts)", builds, Time(queries, rounds, q => sqlite.Search(q.Language, q.Text).Hits.Count));
    var slowest = queries.Select(q => (q, Time([q], Math.Max(5, rounds / 10), x => sqlite.Search(x.Language, x.Text).Hits.Count)))
        .OrderByDescending(x => x.Item2[x.Item2.Count / 2]).Take(3);
    Console.WriteLine("  slowest for the site index (median): " + string.Join("; ", slowest.Select(x => $"{x.q.Language} '{(x.q.Text.Length > 30 ? x.q.Text[..30] + "…" : x.q.Text)}' {x.Item2[x.Item2.Count / 2]:0.00} ms")));

    var engineBuilds = BestBuild(() => SqliteEngineOnly.Build(documents).Dispose());
    using var engine = SqliteEngineOnly.Build(documents);
    Report("  fts5 alone", engineBuilds, Time(queries, rounds, q => engine.Search(q.Language, q.Text)));

    var luceneBuilds = BestBuild(() => LuceneIndex.Build(documents).Dispose());
    using var lucene = LuceneIndex.Build(documents);
    Report("  lucene.net alone",  luceneBuilds, Time(queries, rounds, q => lucene.Search(q.Language, q.Text)));
}

// Wall time, and this process's CPU time over the same span: on a machine shared with other
// work the wall time grows with the load, the CPU time much less.
static (TimeSpan Wall, TimeSpan Cpu) BestBuild(Action build)
{
    build();
    var best = (Wall: TimeSpan.MaxValue, Cpu: TimeSpan.MaxValue);
    for (var i = 0; i < 3; i++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        build();
        var spent = (wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
        if (spent.Elapsed < best.Wall) best = spent;
    }

    return best;
}

static List<double> Time(IReadOnlyList<Query> queries, int rounds, Func<Query, int> search)
{
    foreach (var query in queries) search(query);
    var times = new List<double>(queries.Count * rounds);
    for (var round = 0; round < rounds; round++)
    {
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            search(query);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    times.Sort();
    return times;
}

static void Report(string engine, (TimeSpan Wall, TimeSpan Cpu) build, List<double> times)
{
    double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
    Console.WriteLine($"{engine,-52} build {build.Wall.TotalMilliseconds,6:0} ms (cpu {build.Cpu.TotalMilliseconds,6:0} ms)   query p50 {At(0.50),6:0.000} ms   p99 {At(0.99),6:0.000} ms   max {times[^1],6:0.000} ms");
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

int Option(string name, int fallback) => OptionText(name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string FindContent()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "content");
        if (Directory.Exists(Path.Combine(candidate, "en"))) return candidate;
    }

    throw new DirectoryNotFoundException("No content/ folder above the bench; pass --content.");
}

namespace BoneTumorInfo.Bench.Search
{
    internal delegate SearchSynonyms SynonymsFor(string language);

    internal sealed record Query(string Language, string Text);

    internal static class Queries
    {
        // What readers type: plain words, lay words, both spellings, misspellings (the slow path:
        // no match, then "did you mean" over the whole vocabulary), questions, Bengali, nonsense.
        public static IReadOnlyList<Query> All { get; } =
        [
            new("en", "tumor"), new("en", "tumour"), new("en", "bone cancer"), new("en", "osteosarcoma"),
            new("en", "osteosarcma"), new("en", "lump on leg"), new("en", "anesthesia"), new("en", "what is a biopsy"),
            new("en", "chemotherapy side effects hair"), new("en", "pediatric orthopedic surgeon"), new("en", "amputation"),
            new("en", "xyzzy plugh"), new("en", "\"NEAR(* tumour\""), new("en", string.Concat(Enumerable.Repeat("pain at night ", 20))),
            new("bn", "হাড়ের ক্যানসার"), new("bn", "অস্টিওসারকোমা"), new("bn", "ক্যান্সার"), new("bn", "হাড়"),
            new("bn", "Osteosarcoma"), new("bn", "কেমোথেরাপি"), new("bn", "অপারেশনের পরে ব্যথা"), new("bn", "অস্টিওসারকমা"),
        ];
    }

    internal static class Generator
    {
        public static List<SearchDocument> Pages(IReadOnlyList<SearchDocument> real, int count, int seed)
        {
            var random = new Random(seed);
            var byLanguage = real.GroupBy(d => d.Language).ToDictionary(g => g.Key, g => g.ToList());
            var paragraphs = byLanguage.ToDictionary(g => g.Key, g => g.Value.SelectMany(d => d.Body.Split('\n')).Where(p => p.Length > 0).ToList());
            var languages = byLanguage.Keys.Order(StringComparer.Ordinal).ToList();
            var pages = new List<SearchDocument>(count);
            for (var i = 0; i < count; i++)
            {
                var language = languages[i % languages.Count];
                var model = byLanguage[language][random.Next(byLanguage[language].Count)];
                var source = paragraphs[language];
                var body = string.Join('\n', Enumerable.Range(0, 12 + random.Next(12)).Select(_ => source[random.Next(source.Count)]))
                    + "\n" + string.Join(' ', Enumerable.Range(0, 20).Select(_ => MadeUpWord(random)));
                pages.Add(model with { Slug = $"generated/{i}", Url = $"/generated/{i}", Title = $"{model.Title} {i}", Body = body });
            }

            return pages;
        }

        private static string MadeUpWord(Random random)
        {
            const string letters = "abcdefghijklmnopqrstuvwxyz";
            return new string(Enumerable.Range(0, 5 + random.Next(6)).Select(_ => letters[random.Next(letters.Length)]).ToArray());
        }
    }
}
