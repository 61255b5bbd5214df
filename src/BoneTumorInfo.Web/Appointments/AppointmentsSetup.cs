using System.Threading.RateLimiting;
using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.RabbitMq;
using BoneTumorInfo.Appointments.Requests;
using BoneTumorInfo.Appointments.Storage;
using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Languages;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using BoneTumorInfo.Web.Site;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Appointments;

public static class AppointmentsSetup
{
    public const string RateLimitPolicy = "appointment-form";

    /// <summary>
    /// The appointment request form's services: validation, the durable SQLite store (created on
    /// first use), the RabbitMQ relay when a broker is configured, housekeeping and the rate limit.
    /// Everything reads its options when first used, so tests and hosts can set them late.
    /// </summary>
    public static WebApplicationBuilder AddAppointments(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var environment = builder.Environment;
        services.AddOptions<AppointmentsOptions>()
            .BindConfiguration(AppointmentsOptions.SectionName)
            .PostConfigure<IOptions<ContentOptions>>((options, content) => options.DataDirectory =
                string.IsNullOrWhiteSpace(options.DataDirectory)
                    ? AppointmentsOptions.DefaultDataDirectory(content.Value.RootPath)
                    : Path.GetFullPath(options.DataDirectory, environment.ContentRootPath))
            .Validate(options => options.RetentionDays > 0, "Appointments:RetentionDays must be at least 1.")
            .Validate(options => !options.RabbitMq.IsConfigured || System.Uri.TryCreate(options.RabbitMq.Uri, UriKind.Absolute, out _),
                "Appointments:RabbitMq:Uri must be an amqp:// address.")
            .ValidateOnStart();
        services.AddOptions<AppointmentFormOptions>()
            .BindConfiguration(AppointmentFormOptions.SectionName)
            .Validate(options => options.PermitLimit > 0 && options.WindowSeconds > 0, "Appointments:Form limits must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AppointmentFormValidator>();
        services.AddSingleton<AppointmentFormHandler>();
        // The form and its confirmation in every language: /appointments/request for the default
        // one, /bn/appointments/request (route value lang=bn) for each other.
        services.AddOptions<RazorPagesOptions>().Configure<SiteLanguages>((pages, languages) =>
        {
            var others = languages.All.Where(l => l != languages.Default).Select(l => l.Code).ToList();
            if (others.Count == 0) return;
            var lang = $"{{lang:regex(^({string.Join('|', others)})$)}}";
            // Not AddPageRoute: it stops the page's own route making links, and the default
            // language's links must still be /appointments/request.
            AddRoute(pages, "/Appointments/Request", $"{lang}/appointments/request");
            AddRoute(pages, "/Appointments/Confirmation", $"{lang}/appointments/request/confirmation");
        });
        services.AddSingleton(sp => new SqliteAppointmentStore(
            sp.GetRequiredService<IOptions<AppointmentsOptions>>().Value.DatabasePath,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SqliteAppointmentStore>>()));
        services.AddSingleton<IAppointmentInbox>(sp => sp.GetRequiredService<SqliteAppointmentStore>());
        services.AddSingleton(sp => new RabbitMqRelay(
            sp.GetRequiredService<SqliteAppointmentStore>(),
            sp.GetRequiredService<IOptions<AppointmentsOptions>>().Value.RabbitMq,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RabbitMqRelay>>()));
        services.AddHostedService<AppointmentsRelayHost>();
        services.AddHostedService<AppointmentsHousekeeping>();
        services.AddHealthChecks()
            .AddCheck<AppointmentStoreHealthCheck>("appointment-store", tags: [HealthSetup.ReadyTag])
            .AddCheck<RabbitMqRelayHealthCheck>("rabbitmq-relay", tags: [HealthSetup.ReadyTag]);

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only sending the form counts; reading it never does. Behind a proxy, RemoteIpAddress
            // must come from forwarded headers, or every client shares the proxy's allowance.
            options.AddPolicy(RateLimitPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var limits = context.RequestServices.GetRequiredService<IOptions<AppointmentFormOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitLimit,
                        Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                        QueueLimit = 0,
                    });
            });
        });
        return builder;
    }

    private static void AddRoute(RazorPagesOptions pages, string page, string template) =>
        pages.Conventions.AddPageRouteModelConvention(page, model => model.Selectors.Add(new SelectorModel
        {
            // Ahead of the page's own route, so a link with a "lang" value becomes /bn/… rather
            // than /appointments/request?lang=bn; without one it cannot apply.
            AttributeRouteModel = new AttributeRouteModel { Template = template, Order = -1 },
        }));

    /// <summary>The rate limiter, after routing so the form's endpoint policy is known.</summary>
    public static WebApplication UseAppointments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(ReadFormsSafely);
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// A form post is read here, before the page sees it, within the form's own size limit. A
    /// body declared or found too large, or one that cannot be read as a form (a NUL in a field,
    /// over 1,024 fields, a 2 KB field name, a multipart body without its boundary, a body cut
    /// short), is shown the form again, as a read, with a message and a 413 or 400, instead of a
    /// stack trace and a 500. Other refusals (429) go to the site's status page.
    /// </summary>
    private static async Task ReadFormsSafely(HttpContext context, RequestDelegate next)
    {
        var languages = context.RequestServices.GetRequiredService<SiteLanguages>();
        var path = context.Request.Path;
        var language = languages.OfPath(path.Value);
        if (language != languages.Default) path = path.Value![(language.Code.Length + 1)..];
        var isFormPost = HttpMethods.IsPost(context.Request.Method)
            && path.StartsWithSegments("/appointments", StringComparison.OrdinalIgnoreCase);
        if (!isFormPost)
        {
            await next(context);
            return;
        }

        var problem = context.Request.ContentLength > RequestModel.MaxBodyBytes ? StatusCodes.Status413PayloadTooLarge : (int?)null;
        // A chunked body has no length to check up front: the server stops it at the limit. Set
        // here, for every post to the form, and not again by a filter on the page: by then the body
        // has been read and the limit is read-only (the framework logged a warning on every post).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = RequestModel.MaxBodyBytes;
        if (problem is null && context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException ex)
            {
                problem = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? ex.StatusCode : StatusCodes.Status400BadRequest;
            }
            catch (InvalidDataException)
            {
                problem = StatusCodes.Status400BadRequest;
            }
            catch (IOException)
            {
                problem = StatusCodes.Status400BadRequest;
            }
        }

        if (problem is not { } status)
        {
            await next(context);
            return;
        }

        context.Items[status == StatusCodes.Status413PayloadTooLarge ? RequestModel.TooLargeKey : RequestModel.UnreadableKey] = true;
        // Whatever is left of the body stays on the wire; closing the connection spares reading it.
        context.Response.Headers.Connection = "close";
        // The page reads the form again as a GET; the request log, written on the way out, still
        // says what the client sent.
        var method = context.Request.Method;
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = method;
        }
    }
}
