package cn.childprotect.cms.people;

import java.util.List;

import org.springframework.data.domain.Pageable;

import org.springframework.data.jpa.repository.JpaRepository;

interface Guardians extends JpaRepository<Guardian, Long> {

    List<Guardian> findByChildIdOrderById(long childId);

    /** Children who share a guardian's phone with the given ones (history of involvement, docs/domain.md §8). */
    @org.springframework.data.jpa.repository.Query("""
            select distinct o.childId from Guardian g, Guardian o
            where g.childId = :childId and g.phoneHash is not null and o.phoneHash = g.phoneHash and o.childId <> :childId""")
    List<Long> findChildIdsSharingAGuardianPhone(long childId, Pageable page);
}
