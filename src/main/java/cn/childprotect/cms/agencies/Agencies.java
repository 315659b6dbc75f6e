package cn.childprotect.cms.agencies;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Agencies extends JpaRepository<Agency, Long> {

    Optional<Agency> findByCode(String code);

    List<Agency> findAllByOrderByCode();

    List<Agency> findByCodeIn(java.util.Collection<String> codes);
}
