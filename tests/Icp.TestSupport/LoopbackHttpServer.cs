using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Icp.TestSupport;

/// <summary>What the fake API answers to one request.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">Response body (JSON or deliberately not).</param>
/// <param name="RetryAfterSeconds">Sends a Retry-After header when set.</param>
/// <param name="Delay">Waits this long before answering (to provoke client timeouts).</param>
public sealed record FakeResponse(int Status, string Body = "", int? RetryAfterSeconds = null, TimeSpan Delay = default)
{
    public static FakeResponse Json(string body) => new(200, body);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for a third-party enrichment API (the one thing tests cannot run for
/// real). Each request is answered by <c>respond</c>, on its own task; every request path is recorded.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerRequest, int, FakeResponse> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(string PathAndQuery, string? Authorization)> _requests = new();
    private readonly Task _loop;
    private int _count;

    /// <param name="respond">Gets the request and its 1-based number; returns the answer.</param>
    public LoopbackHttpServer(Func<HttpListenerRequest, int, FakeResponse> respond)
    {
        _respond = respond;
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                _listener = listener;
                BaseUrl = $"http://127.0.0.1:{port}";
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
        _loop = Task.Run(Loop);
    }

    /// <summary>"http://127.0.0.1:PORT", no trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Requests received so far.</summary>
    public int RequestCount => Volatile.Read(ref _count);

    /// <summary>Path and query, and the Authorization header, of every request in arrival order.</summary>
    public IReadOnlyList<(string PathAndQuery, string? Authorization)> Requests => [.. _requests];

    private async Task Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        var number = Interlocked.Increment(ref _count);
        _requests.Enqueue((context.Request.Url?.PathAndQuery ?? "", context.Request.Headers["Authorization"]));
        try
        {
            var response = _respond(context.Request, number);
            if (response.Delay > TimeSpan.Zero) await Task.Delay(response.Delay, _stop.Token).ConfigureAwait(false);
            context.Response.StatusCode = response.Status;
            if (response.RetryAfterSeconds is { } seconds) context.Response.AddHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, _stop.Token).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (a timeout under test) or the server is stopping.
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
