namespace BoneTumorInfo.Appointments.Requests;

/// <summary>One problem with one field, in words a person can act on.</summary>
/// <param name="Field">The field's name (see <see cref="FormFields"/>).</param>
/// <param name="TargetId">The id of the input the error summary links to.</param>
public sealed record FieldError(string Field, string TargetId, string Message);

/// <summary>Either a complete request, or the list of things to fix (in the order of the form).</summary>
public sealed record FormValidation(AppointmentRequest? Request, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Request is not null;

    public FieldError? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field);
}
