using System.Security.Claims;
using VisionAspire.Api.Auth;
using VisionAspire.Api.Inference;
using VisionAspire.Api.Problems;
using VisionAspire.Data;
using VisionAspire.Shared.Faces;

namespace VisionAspire.Api.People;

/// <summary>
/// The people of the face gallery (CRUD) and, under each, their enrolled faces. A person belongs to whoever created
/// them: other users neither see nor change them (404), and recognize matches only the caller's people; admins see all.
/// </summary>
public static class PeopleApi
{
    public static IHostApplicationBuilder AddPeople(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FaceRecognition>();
        builder.Services.AddFaceIdentification();
        return builder;
    }

    public static RouteGroupBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/v1/people").WithTags("People");

        people.MapPost("/", CreateAsync)
            .WithName("CreatePerson")
            .WithSummary("Add a person to the gallery (no faces yet)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        people.MapGet("/", ListAsync)
            .WithName("ListPeople")
            .WithSummary("People, newest first, a page at a time")
            .ProducesValidationProblem();
        people.MapGet("/{id:guid}", GetAsync)
            .WithName("GetPerson")
            .ProducesProblem(StatusCodes.Status404NotFound);
        people.MapPatch("/{id:guid}", UpdateAsync)
            .WithName("UpdatePerson")
            .WithSummary("Change a person's name or external id")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        people.MapDelete("/{id:guid}", DeleteAsync)
            .WithName("DeletePerson")
            .WithSummary("Delete a person and their faces; they are no longer identified")
            .ProducesProblem(StatusCodes.Status404NotFound);
        people.MapPersonFacesApi();
        return people;
    }

    private static async Task<IResult> CreateAsync(CreatePersonRequest request, ClaimsPrincipal caller, PeopleRepository people, CancellationToken ct)
    {
        var errors = PersonValidation.Check(request.Name, request.ExternalId, nameRequired: true);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        try
        {
            var person = await people.CreateAsync(request.Name!.Trim(), request.ExternalId?.Trim(), caller.UserId(), ct);
            return TypedResults.Created($"/api/v1/people/{person.Id}", ToResponse(person));
        }
        catch (DuplicateExternalIdException e)
        {
            return ApiProblems.Of(StatusCodes.Status409Conflict, "Duplicate external id", e.Message);
        }
    }

    private static async Task<IResult> ListAsync(PeopleRepository people, ClaimsPrincipal caller, CancellationToken ct, int page = 1, int limit = 20)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["page starts at 1."];
        }
        if (limit is < 1 or > PeopleRepository.MaxPageSize)
        {
            errors["limit"] = [$"limit must be between 1 and {PeopleRepository.MaxPageSize}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (items, total) = await people.ListAsync(page, limit, caller.OwnerScope(), ct);
        return TypedResults.Ok(new PersonPageResponse(page, limit, total, items.Select(ToResponse).ToList()));
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal caller, PeopleRepository people, CancellationToken ct) =>
        await people.GetAsync(id, caller.OwnerScope(), ct) is { } person ? TypedResults.Ok(ToResponse(person)) : ApiProblems.NotFound("person", id);

    private static async Task<IResult> UpdateAsync(
        Guid id, UpdatePersonRequest request, ClaimsPrincipal caller, PeopleRepository people, CancellationToken ct)
    {
        var errors = PersonValidation.Check(request.Name, request.ExternalId, nameRequired: false);
        if (request is { Name: null, ExternalId: null })
        {
            errors["body"] = ["Give name, externalId or both."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        try
        {
            var person = await people.UpdateAsync(id, request.Name?.Trim(), request.ExternalId?.Trim(), caller.OwnerScope(), ct);
            return person is null ? ApiProblems.NotFound("person", id) : TypedResults.Ok(ToResponse(person));
        }
        catch (DuplicateExternalIdException e)
        {
            return ApiProblems.Of(StatusCodes.Status409Conflict, "Duplicate external id", e.Message);
        }
    }

    private static async Task<IResult> DeleteAsync(Guid id, ClaimsPrincipal caller, PeopleRepository people, CancellationToken ct) =>
        await people.DeleteAsync(id, caller.OwnerScope(), ct) ? TypedResults.NoContent() : ApiProblems.NotFound("person", id);

    private static PersonResponse ToResponse(PersonRecord p) => new(p.Id, p.Name, p.ExternalId, p.FaceCount, p.CreatedAt, p.UpdatedAt);

    internal static PersonFaceResponse ToResponse(PersonFaceRecord f) => new(f.Id, f.PersonId, f.ImageId,
        new BoxResponse(f.Box[0], f.Box[1], f.Box[2], f.Box[3]),
        Enumerable.Range(0, f.Landmarks.Length / 2).Select(i => new PointResponse(f.Landmarks[2 * i], f.Landmarks[2 * i + 1])).ToList(),
        new ModelResponse(f.ModelId, f.ModelVersion), f.CreatedAt);
}
