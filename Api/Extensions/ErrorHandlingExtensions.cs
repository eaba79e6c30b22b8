using System.Net.Sockets;
using Npgsql;
using RabbitMQ.Client.Exceptions;

namespace VisionAspire.Api.Extensions;

/// <summary>Every error leaves the Api as RFC 7807 problem details.</summary>
public static class ErrorHandlingExtensions
{
    public static void AddProblemResponses(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier));

    public static void UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        app.UseStatusCodePages();
    }

    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        NpgsqlException or SocketException or TimeoutException => StatusCodes.Status503ServiceUnavailable,
        BrokerUnreachableException or AlreadyClosedException => StatusCodes.Status503ServiceUnavailable,
        OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}
