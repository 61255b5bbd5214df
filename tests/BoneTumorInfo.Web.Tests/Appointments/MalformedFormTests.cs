using System.Net;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Html.Parser;

namespace BoneTumorInfo.Web.Tests.Appointments;

/// <summary>Bodies that cannot be read as a form get a 400 or 413 with the form's own page, never a 500.</summary>
public sealed class MalformedFormTests : IDisposable
{
    private readonly KestrelAppointmentSite _site = new KestrelAppointmentSite(Path.Combine(Path.GetTempPath(), "bti-appt-" + Guid.NewGuid().ToString("N"))).Start();

    public void Dispose() => _site.Dispose();

    private async Task<(HttpStatusCode Status, string Body)> Post(HttpContent content)
    {
        using var client = KestrelAppointmentSite.CreateBrowser(_site.BaseAddress, new CookieContainer());
        var response = await client.PostAsync(new Uri("/appointments/request", UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void AssertTheFormCameBackWithAMessage(string body)
    {
        var page = new HtmlParser().ParseDocument(body);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".error-summary"));
        Assert.NotNull(page.QuerySelector("form input[name=PatientName]"));
    }

    private void AssertNoStackTraceLogged() =>
        Assert.DoesNotContain(_site.Logs.Lines, l => l.Contains("Exception", StringComparison.Ordinal));

    public static TheoryData<string, string> UnreadableBodies => new()
    {
        { "a NUL in a field", "PatientName=a%00b&Consent=yes" },
        { "more than 1,024 fields", string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")) },
        { "a field name over 2 KB", new string('x', 3000) + "=1" },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task A_body_that_is_not_a_readable_form_gets_a_400_with_the_form_again(string what, string body)
    {
        var (status, page) = await Post(new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.True(status == HttpStatusCode.BadRequest, $"{what}: {status}");
        AssertTheFormCameBackWithAMessage(page);
        AssertNoStackTraceLogged();
        // The page is drawn as a GET, but the log says what the client sent.
        var logged = await Poll.Until(
            () => Task.FromResult(_site.Logs.Lines.Select(l => l.Replace("\"", "", StringComparison.Ordinal)).ToList()),
            lines => lines.Any(l => l.Contains("/appointments/request responded 400", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        Assert.Contains(logged, l => l.Contains("HTTP POST /appointments/request responded 400", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=")]
    public async Task A_multipart_body_without_a_usable_boundary_gets_a_400(string contentType)
    {
        var content = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var (status, page) = await Post(content);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertTheFormCameBackWithAMessage(page);
        AssertNoStackTraceLogged();
    }

    [Fact]
    public async Task A_body_cut_short_of_its_content_length_is_a_400_or_a_closed_request_in_the_log_never_a_500_with_a_stack_trace()
    {
        // The client has gone (it closed its side), so no answer reaches it; the log says what happened.
        await RawStatusLine(
            "POST /appointments/request HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nPatientName=ab",
            closeAfterSending: true);

        var logged = await Poll.Until(
            () => Task.FromResult(_site.Logs.Lines.Select(l => l.Replace("\"", "", StringComparison.Ordinal)).Where(l => l.Contains("HTTP POST /appointments/request responded", StringComparison.Ordinal)).ToList()),
            lines => lines.Count > 0, TimeSpan.FromSeconds(10));
        Assert.True(logged.Count == 1, "The request log should name the POST once:\n" + string.Join("\n", _site.Logs.Lines));
        var line = logged[0];
        Assert.True(line.Contains("responded 400", StringComparison.Ordinal) || line.Contains("responded 499", StringComparison.Ordinal), line);
        AssertNoStackTraceLogged();
    }

    [Fact]
    public async Task A_form_that_reads_well_is_stored_with_no_warning_in_the_log()
    {
        using var client = KestrelAppointmentSite.CreateBrowser(_site.BaseAddress, new CookieContainer());
        var hidden = await AppointmentForm.FetchHiddenFields(client);
        var before = _site.Logs.Lines.Count;

        using var response = await AppointmentForm.Post(client, hidden.Concat(AppointmentForm.ValidAnswers()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The body limit is set before the form is read; a filter setting it again afterwards
        // logged "A request body size limit could not be applied" on every request.
        var after = _site.Logs.Lines.Skip(before).ToList();
        Assert.DoesNotContain(after, l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_a_real_413()
    {
        var body = "PatientName=" + new string('x', 40_000);
        var chunked = new StringBuilder();
        for (var i = 0; i < body.Length; i += 4000)
        {
            var piece = body.Substring(i, Math.Min(4000, body.Length - i));
            chunked.Append(System.Globalization.CultureInfo.InvariantCulture, $"{piece.Length:x}\r\n{piece}\r\n");
        }

        chunked.Append("0\r\n\r\n");
        var status = await RawStatusLine(
            "POST /appointments/request HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked,
            closeAfterSending: false);

        Assert.Equal("HTTP/1.1 413 Payload Too Large", status);
        AssertNoStackTraceLogged();
    }

    /// <summary>Sends bytes exactly as written (HttpClient would fix the lengths) and reads the status line.</summary>
    private async Task<string> RawStatusLine(string request, bool closeAfterSending)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(_site.BaseAddress.Host, _site.BaseAddress.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        if (closeAfterSending) socket.Client.Shutdown(SocketShutdown.Send);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            return (await reader.ReadLineAsync(timeout.Token)) ?? "";
        }
        catch (IOException) when (closeAfterSending)
        {
            // The server may answer a client that has stopped sending by resetting the connection:
            // no status line then, and the test reads the log instead.
            return "";
        }
    }
}
