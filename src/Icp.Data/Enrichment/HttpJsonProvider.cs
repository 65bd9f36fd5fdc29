using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Icp.Data.Enrichment;

/// <summary>
/// A company API answering JSON, one GET per company, described in <c>providers.yaml</c>. Every request goes
/// through a Polly pipeline: retries with exponential backoff and jitter (a 429's Retry-After wins), a circuit
/// breaker so a dead API is skipped instead of timing out row after row, a token-bucket rate limit (requests wait
/// for a token) and a per-attempt timeout. 404 or an answer without any mapped value is "not found"; anything else
/// that goes wrong becomes a <see cref="Failed"/> the summary counts by kind.
/// </summary>
public sealed class HttpJsonProvider : IEnrichmentProvider, IDisposable
{
    /// <summary>The longest a Retry-After is honoured: a provider asking for an hour is treated as failing.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(2);

    private readonly HttpProviderConfig _config;
    private readonly JsonPath[] _paths;
    private readonly HttpClient _client;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly RateLimiter? _limiter;
    private readonly TimeProvider _clock;

    public HttpJsonProvider(HttpProviderConfig config, TimeProvider? clock = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _clock = clock ?? TimeProvider.System;
        _paths = [.. config.Fields.Select(f => JsonPath.TryParse(f.Source, out _) ?? throw new ArgumentException($"bad JSON path {f.Source}", nameof(config)))];
        Fields = [.. config.Fields.Select(f => f.Field)];
        Fingerprint = $"http|{config.UrlTemplate}|{config.NameUrlTemplate}|{string.Join(",", config.Fields.Select(f => $"{f.Field}={f.Source}"))}";
        // Polly owns timeouts; the client's own would cut across retries.
        _client = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("icp-enrich/1.0");
        if (config.Auth is { } auth) _client.DefaultRequestHeaders.TryAddWithoutValidation(auth.Header, auth.Value);
        if (config.RateLimit is { } rate)
        {
            _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = rate.Permits,
                TokensPerPeriod = rate.Permits,
                ReplenishmentPeriod = rate.Per,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
        _pipeline = Build(config, _limiter);
    }

    public string Name => _config.Name;
    public IReadOnlyList<string> Fields { get; }
    public bool IsRemote => true;
    public int Concurrency => _config.Concurrency;
    public TimeSpan FoundTtl => _config.FoundTtl;
    public TimeSpan NotFoundTtl => _config.NotFoundTtl;
    public string Fingerprint { get; }

    public bool Supports(LookupBy by) => by == LookupBy.Domain || _config.NameUrlTemplate is not null;

    public async ValueTask<LookupOutcome> LookupAsync(LookupKey key, CancellationToken cancellationToken)
    {
        var template = key.By == LookupBy.Domain ? _config.UrlTemplate : _config.NameUrlTemplate
            ?? throw new InvalidOperationException($"{Name} cannot look up by name");
        var url = template.Replace(key.By == LookupBy.Domain ? "{domain}" : "{name}", Uri.EscapeDataString(key.Value), StringComparison.Ordinal);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static async (state, token) => await state.Client.GetAsync(state.Url, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false),
                (Client: _client, Url: url), cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e) { return new Failed("circuit open", e.Message); }
        catch (TimeoutRejectedException) { return new Failed("timeout", $"no answer within {_config.Timeout.TotalSeconds:0.###} s"); }
        catch (RateLimiterRejectedException e) { return new Failed("rate limited", e.Message); }
        catch (HttpRequestException e) { return new Failed("connection", e.Message); }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { return new Failed("timeout", "the request was cancelled"); }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.NotFound) return new NotFound(_clock.GetUtcNow());
            if (status is < 200 or > 299) return new Failed($"http {status}", response.ReasonPhrase ?? "");
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length == 0) return new NotFound(_clock.GetUtcNow());
            try
            {
                using var json = JsonDocument.Parse(body);
                var values = new string[_paths.Length];
                var any = false;
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = _paths[i].Select(json.RootElement).Trim();
                    any |= values[i].Length > 0;
                }
                return any ? new Found(values, _clock.GetUtcNow()) : new NotFound(_clock.GetUtcNow());
            }
            catch (JsonException e)
            {
                return new Failed("malformed json", e.Message);
            }
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _limiter?.Dispose();
    }

    private static ResiliencePipeline<HttpResponseMessage> Build(HttpProviderConfig config, RateLimiter? limiter)
    {
        static bool Transient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
        {
            HttpRequestException or TimeoutRejectedException => true,
            null => outcome.Result is { } r && (r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
            _ => false,
        };

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (config.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = config.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = config.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(Transient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = config.CircuitBreaker.FailureRatio,
            MinimumThroughput = config.CircuitBreaker.MinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = config.CircuitBreaker.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(Transient(args.Outcome)),
        });
        if (limiter is not null) builder.AddRateLimiter(limiter);
        builder.AddTimeout(config.Timeout);
        return builder.Build();
    }

    /// <summary>The wait a 429 or 503 asks for, or null for the usual backoff.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response?.Headers.RetryAfter is not { } header) return null;
        var wait = header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is not { } w) return null;
        return w < TimeSpan.Zero ? TimeSpan.Zero : w > MaxRetryAfter ? MaxRetryAfter : w;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({_config.UrlTemplate})");
}
