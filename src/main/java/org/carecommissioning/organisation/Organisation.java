package org.carecommissioning.organisation;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "organisation")
public class Organisation {

    /** Camunda group ids of commissioning organisations: its staff see only their organisation's work. */
    public static final String GROUP_PREFIX = "co-";
    /** Camunda group ids of provider organisations, for the provider's own staff. */
    public static final String PROVIDER_GROUP_PREFIX = "pr-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private OrganisationType type;

    private String email;

    @Column(name = "group_id")
    private String groupId;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected Organisation() {
    }

    Organisation(String code, String name, OrganisationType type, String email, LocalDateTime createdAt) {
        this.code = code;
        this.name = name;
        this.type = type;
        this.email = email;
        this.groupId = (type == OrganisationType.PROVIDER ? PROVIDER_GROUP_PREFIX : GROUP_PREFIX) + code.toLowerCase();
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public OrganisationType getType() {
        return type;
    }

    public String getEmail() {
        return email;
    }

    public String getGroupId() {
        return groupId;
    }
}
