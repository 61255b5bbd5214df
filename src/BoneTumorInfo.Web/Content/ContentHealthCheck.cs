using BoneTumorInfo.Content;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BoneTumorInfo.Web.Content;

/// <summary>
/// Degraded (the site still serves every page it can) when part of the content folder cannot be
/// read or leads outside it, or service.yml has errors; the description names each path.
/// </summary>
public sealed class ContentHealthCheck(ContentStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = store.Problems.Concat(store.ServiceDiagnostics.Where(d => d.IsError)).ToList();
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy($"{store.Index.Pages.Count} pages indexed.")
            : HealthCheckResult.Degraded(string.Join("; ", problems.Select(p => p.ToString()))));
    }
}
