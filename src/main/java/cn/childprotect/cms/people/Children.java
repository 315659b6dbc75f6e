package cn.childprotect.cms.people;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Children extends JpaRepository<Child, Long> {

    List<Child> findByIdNumberHash(String idNumberHash);

    List<Child> findByNameAndBirthDateAndVillageCode(String name, LocalDate birthDate, String villageCode);

    List<Child> findByNameAndVillageCode(String name, String villageCode);

    List<Child> findByNameAndBirthDate(String name, LocalDate birthDate);

    /** The children with this ID number and the namesakes in the village, in one read (two index ranges). */
    @Query("select c from Child c where c.idNumberHash = :hash or (c.name = :name and c.villageCode = :village) order by c.id")
    List<Child> findByIdNumberHashOrNameInVillage(String hash, String name, String village);

    @Query("select c.id from Child c where c.name like :namePattern and c.villageCode like :scopePattern")
    List<Long> findIdsByNameInScope(String namePattern, String scopePattern, Pageable page);
}
