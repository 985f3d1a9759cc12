package org.carecommissioning.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code care.http.*}: the largest request body each API accepts, and whether the application
 * runs behind TLS (HSTS on the APIs; the {@code tls} profile also makes cookies {@code Secure}).
 */
@ConfigurationProperties(prefix = "care.http")
record HttpProperties(DataSize engineRestMaxRequestSize, DataSize webappApiMaxRequestSize,
        DataSize apiMaxRequestSize, boolean hsts) {

    HttpProperties {
        engineRestMaxRequestSize = engineRestMaxRequestSize == null ? DataSize.ofMegabytes(5) : engineRestMaxRequestSize;
        webappApiMaxRequestSize = webappApiMaxRequestSize == null ? DataSize.ofMegabytes(1) : webappApiMaxRequestSize;
        apiMaxRequestSize = apiMaxRequestSize == null ? DataSize.ofMegabytes(2) : apiMaxRequestSize;
    }
}
