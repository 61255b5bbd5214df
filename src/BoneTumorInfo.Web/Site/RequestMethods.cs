namespace BoneTumorInfo.Web.Site;

/// <summary>
/// The site reads pages (GET, HEAD), takes forms (POST) and answers OPTIONS; anything else (PUT,
/// DELETE, PATCH, TRACE, …) is refused with a 405 and an Allow header before it reaches a page,
/// on every path, static files included, and goes through the status page like any refusal.
/// </summary>
public static class RequestMethods
{
    public const string Allowed = "GET, HEAD, POST, OPTIONS";

    public static WebApplication UseAllowedMethodsOnly(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method) || HttpMethods.IsOptions(method))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = Allowed;
            return Task.CompletedTask;
        });
        return app;
    }
}
