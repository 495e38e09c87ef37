package sh.grassroots.org.tree.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.org.tree.application.CreateOrganization;
import sh.grassroots.org.tree.application.OrganizationService;
import sh.grassroots.org.tree.application.OrganizationView;
import sh.grassroots.org.tree.model.OrganizationKind;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/orgs/organizations")
public class OrganizationResource {
    private final OrganizationService organizations;

    public OrganizationResource(OrganizationService organizations) {
        this.organizations = organizations;
    }

    public record CreateRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull OrganizationKind kind,
            @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit district code") String districtCode,
            UUID parentId,
            LocalDate foundedOn,
            @Size(max = 100) String documentNumber) {
    }

    @POST
    public Uni<RestResponse<OrganizationView>> create(@NotNull @Valid CreateRequest request, UriInfo uri) {
        return organizations.create(new CreateOrganization(request.name(), request.kind(), request.districtCode(),
                        request.parentId(), request.foundedOn(), request.documentNumber()))
                .map(created -> RestResponse.ResponseBuilder.<OrganizationView>created(
                        uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                        .entity(created).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("{id}")
    public Uni<OrganizationView> get(@PathParam("id") UUID id) {
        return organizations.get(id);
    }
}
